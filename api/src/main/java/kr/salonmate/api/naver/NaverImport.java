package kr.salonmate.api.naver;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import kr.salonmate.integration.google.ReviewLanguage;
import kr.salonmate.messages.common.RuleViolation;
import kr.salonmate.messages.review.ReviewId;
import kr.salonmate.messages.review.ReviewSource;
import kr.salonmate.messages.review.SyncResult;
import kr.salonmate.messages.review.SyncReview;
import kr.salonmate.messages.shop.ShopId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Turns the good rows of a Naver export into {@code SyncReview} commands with source {@code NAVER}, exactly as the
 * Google sync does for Google's reviews: the Review aggregate decides whether each is new, edited or unchanged
 * and answers which ({@link SyncResult}), so the counts are the aggregate's own, not a guess from a read model
 * that may lag. Each review is its own aggregate, so the commands go out {@code salonmate.naver.import.in-flight}
 * at a time on a small pool of this node (one at a time, 10,000 rows would take minutes).
 */
@Component
public class NaverImport implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(NaverImport.class);

    private final CommandGateway commands;
    private final ExecutorService pool;
    private final int inFlight;

    public NaverImport(CommandGateway commands, @Value("${salonmate.naver.import.in-flight:8}") int inFlight) {
        this.commands = commands;
        this.inFlight = Math.max(1, inFlight);
        AtomicInteger threads = new AtomicInteger();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(this.inFlight, this.inFlight, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), task -> {
                    Thread thread = new Thread(task, "naver-import-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        executor.allowCoreThreadTimeOut(true); // imports are rare: no idle threads between them
        this.pool = executor;
    }

    ImportResult run(ShopId shop, String shopLocale, NaverCsv.Parsed file) {
        AtomicInteger imported = new AtomicInteger();
        AtomicInteger updated = new AtomicInteger();
        AtomicInteger unchanged = new AtomicInteger();
        ConcurrentLinkedQueue<RowError> errors = new ConcurrentLinkedQueue<>(file.errors());
        Semaphore slots = new Semaphore(inFlight);
        List<CompletableFuture<Void>> sent = new ArrayList<>(file.rows().size());
        for (NaverRow row : file.rows()) {
            SyncReview command = command(shop, shopLocale, row);
            slots.acquireUninterruptibly();
            sent.add(CompletableFuture.runAsync(() -> {
                try {
                    SyncResult result = commands.sendAndWait(command);
                    switch (result) {
                        case RECEIVED -> imported.incrementAndGet();
                        case EDITED -> updated.incrementAndGet();
                        case UNCHANGED -> unchanged.incrementAndGet();
                    }
                } catch (RuleViolation refused) {
                    errors.add(new RowError(row.line(), refused.getMessage()));
                } catch (RuntimeException e) {
                    log.warn("Naver review {} of shop {} (line {}) was not imported: {}", row.reviewId(), shop,
                            row.line(), e.toString());
                    errors.add(new RowError(row.line(), "could not be saved just now; import the file again"));
                }
            }, pool).whenComplete((done, failure) -> slots.release()));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
        List<RowError> byLine = new ArrayList<>(errors);
        byLine.sort(Comparator.comparingLong(RowError::line));
        log.info("Naver import into shop {}: {} new, {} updated, {} unchanged, {} rows with errors", shop,
                imported.get(), updated.get(), unchanged.get(), byLine.size());
        return new ImportResult(imported.get(), updated.get(), unchanged.get(), byLine);
    }

    /** Naver's export has no edit time: a row's only time is when it was written. */
    static SyncReview command(ShopId shop, String shopLocale, NaverRow row) {
        return new SyncReview(ReviewId.derive(shop, ReviewSource.NAVER, row.reviewId()), shop, ReviewSource.NAVER,
                row.reviewId(), row.author(), row.rating(), row.comment(), ReviewLanguage.guess(row.comment(),
                shopLocale), row.createdAt(), row.createdAt(), null);
    }

    @Override
    public void destroy() {
        pool.shutdownNow();
    }
}
