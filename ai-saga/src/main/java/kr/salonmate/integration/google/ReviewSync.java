package kr.salonmate.integration.google;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import kr.salonmate.integration.google.SyncOutcome.Status;
import kr.salonmate.messages.review.FetchSyncedReviews;
import kr.salonmate.messages.review.ReviewId;
import kr.salonmate.messages.review.ReviewSource;
import kr.salonmate.messages.review.ReviewStatus;
import kr.salonmate.messages.review.SourceReply;
import kr.salonmate.messages.review.SyncReview;
import kr.salonmate.messages.review.SyncedReviews;
import kr.salonmate.messages.shop.RecordReviewSync;
import kr.salonmate.messages.shop.ShopId;
import kr.salonmate.messages.shop.ShopView;
import kr.salonmate.saga.shop.ShopLookup;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * Pulls one shop's Google reviews and turns each into a {@link SyncReview}, then records the run with
 * {@link RecordReviewSync}. The Review aggregate decides what is new, edited, or replied elsewhere; sending the
 * same review twice changes nothing.
 *
 * <p>A shop's syncs never overlap: an in-process guard per shop, plus {@link ShopSyncLock} (a PostgreSQL advisory
 * lock) against other nodes. Syncs run on a small executor of their own ({@code salonmate.sync.threads}), so
 * {@link #syncNow} returns at once. A sync asked for while one of the same shop runs is not dropped: it runs once
 * more right after (however many were asked for meanwhile), so the newest reviews never wait for the next sweep. On
 * this node an in-memory flag says so; across nodes a note in the database ({@link ShopSyncLock#markPending}), which
 * the node holding the lock reads after releasing it.
 *
 * <p>The reviews of one sync are independent aggregates: their {@code SyncReview} commands go out in batches of
 * {@code salonmate.sync.commands-per-commit}, each batch handled in one unit of work and committed once
 * ({@link CommandsInOneCommit}, ADR 33), {@code salonmate.sync.in-flight} batches at a time on a dispatch pool
 * shared by all syncs of the node ({@code salonmate.sync.dispatchers}), instead of one command after the other
 * (docs/benchmarks.md, "Ingest"). The bound per sync keeps a shop with thousands of reviews from filling the pool:
 * another shop's commands queue behind at most that many of its batches.
 *
 * <p>A review the read side already shows exactly as Google does (same stars and text, and no reply there or the
 * reply the read side shows as published or found) is not sent at all: the aggregate would change nothing, and a
 * shop's every sync used to load each of its reviews' aggregates again, thousands of commands for nothing. What the
 * read side does not know yet, or shows differently (perhaps only because it lags), is sent; the aggregate still
 * decides. When the read side cannot answer, everything is sent, as before.
 */
public class ReviewSync implements DisposableBean {

    static final String ANONYMOUS_AUTHOR = "Google user";
    private static final Logger log = LoggerFactory.getLogger(ReviewSync.class);

    private final MeterRegistry meters;
    private final GoogleReviews google;
    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ShopSyncLock lock;
    private final ThreadPoolExecutor executor;
    private final ExecutorService dispatch;
    private final int inFlight;
    private final int commandsPerCommit;
    private final CommandsInOneCommit batchCommits;
    private final DistributionSummary batchSizes;
    private final Set<ShopId> running = ConcurrentHashMap.newKeySet();
    private final Set<ShopId> askedAgain = ConcurrentHashMap.newKeySet();

    /** Sends every command on its own (tests with a mocked gateway). */
    public ReviewSync(GoogleReviews google, CommandGateway commands, QueryGateway queries, ShopSyncLock lock,
                      SyncProperties properties) {
        this(google, commands, null, queries, lock, properties, new SimpleMeterRegistry());
    }

    /** {@code transactions}: Axon's transaction manager, for a batch of commands in one commit; null for none. */
    public ReviewSync(GoogleReviews google, CommandGateway commands, TransactionManager transactions,
                      QueryGateway queries, ShopSyncLock lock, SyncProperties properties, MeterRegistry meters) {
        this.meters = meters;
        this.batchCommits = new CommandsInOneCommit(commands, transactions);
        this.commandsPerCommit = properties.commandsPerCommit();
        this.batchSizes = DistributionSummary.builder("salonmate.review.sync.batch")
                .description("SyncReview commands sent in one unit of work and commit").register(meters);
        this.google = google;
        this.commands = commands;
        this.queries = queries;
        this.lock = lock;
        AtomicInteger threadNumber = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(properties.threads(), properties.threads(), 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(10_000), runnable -> {
                    Thread thread = new Thread(runnable, "review-sync-" + threadNumber.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        this.executor.allowCoreThreadTimeOut(true);
        this.inFlight = properties.inFlight();
        AtomicInteger dispatcherNumber = new AtomicInteger();
        ThreadPoolExecutor dispatchers = new ThreadPoolExecutor(properties.dispatchers(), properties.dispatchers(),
                60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "review-sync-dispatch-" + dispatcherNumber.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        dispatchers.allowCoreThreadTimeOut(true);
        this.dispatch = dispatchers;
    }

    /**
     * Syncs the shop soon, on the sync executor, and returns at once (the API's {@code POST …/reviews/sync}).
     * The future tells how it went; it never completes exceptionally.
     */
    public CompletableFuture<SyncOutcome> syncNow(ShopId shopId) {
        if (running.contains(shopId)) {
            askedAgain.add(shopId);
            if (running.contains(shopId)) {
                return CompletableFuture.completedFuture(SyncOutcome.of(shopId, Status.QUEUED,
                        "runs again right after the sync under way"));
            }
            askedAgain.remove(shopId); // it ended meanwhile: sync now, as asked
        }
        return onExecutor(shopId, () -> {
            ShopView shop = ShopLookup.find(queries, shopId);
            if (shop == null) {
                return SyncOutcome.of(shopId, Status.NOT_CONNECTED, "unknown shop");
            }
            return sync(shop, true);
        });
    }

    /** Queues a sync of a shop the caller already looked up (the scheduler's sweep). */
    public CompletableFuture<SyncOutcome> submit(ShopView shop) {
        return onExecutor(shop.id(), () -> sync(shop));
    }

    /**
     * Syncs the shop in the calling thread; counts it in {@code salonmate_review_syncs_total{status}} and the
     * reviews Google returned in {@code salonmate_reviews_synced_total}.
     */
    public SyncOutcome sync(ShopView shop) {
        return sync(shop, false);
    }

    /** {@code asked}: someone waits for this sync (the API), so it must not be dropped when another node runs one. */
    private SyncOutcome sync(ShopView shop, boolean asked) {
        SyncOutcome outcome = syncOnce(shop, asked);
        meters.counter("salonmate.review.syncs", "status", outcome.status().name()).increment();
        if (outcome.reviewsSeen() > 0) {
            meters.counter("salonmate.reviews.synced").increment(outcome.reviewsSeen());
        }
        return outcome;
    }

    private SyncOutcome syncOnce(ShopView shop, boolean asked) {
        ShopId shopId = shop.id();
        if (shop.google() == null) {
            return SyncOutcome.of(shopId, Status.NOT_CONNECTED, "no Google location connected");
        }
        if (!running.add(shopId)) {
            return SyncOutcome.of(shopId, Status.ALREADY_RUNNING, "already syncing on this node");
        }
        AtomicBoolean held = new AtomicBoolean();
        try {
            AtomicReference<SyncOutcome> outcome = new AtomicReference<>();
            Runnable work = () -> {
                held.set(true);
                lock.takePending(shopId); // this sync starts now: it serves whoever asked before
                outcome.set(pull(shop));
            };
            if (lock.runExclusively(shopId, work)) {
                return outcome.get();
            }
            if (!asked) {
                return SyncOutcome.of(shopId, Status.ALREADY_RUNNING, "already syncing on another node");
            }
            // Another node syncs this shop. Leave it a note, which it reads after releasing the lock, then try once
            // more: if it released before the note was written, the lock is free now and this node syncs itself.
            lock.markPending(shopId);
            if (lock.runExclusively(shopId, work)) {
                return outcome.get();
            }
            return SyncOutcome.of(shopId, Status.QUEUED, "runs again right after the sync under way on another node");
        } catch (GoogleApiException e) {
            log.warn("Review sync of shop {} failed: {} ({})", shopId, e.getMessage(), e.googleStatus());
            return SyncOutcome.of(shopId, Status.FAILED, e.getMessage());
        } catch (RuntimeException e) {
            log.warn("Review sync of shop {} failed", shopId, e);
            return SyncOutcome.of(shopId, Status.FAILED, e.getClass().getSimpleName() + ": " + e.getMessage());
        } finally {
            running.remove(shopId);
            if (askedAgain.remove(shopId) || held.get() && pendingElsewhere(shopId)) {
                syncNow(shopId);
            }
        }
    }

    /** Whether another node asked for a sync of the shop while this node held its lock. */
    private boolean pendingElsewhere(ShopId shopId) {
        try {
            return lock.isPending(shopId);
        } catch (RuntimeException e) {
            log.warn("Could not look for a sync of shop {} asked on another node: {}", shopId, e.toString());
            return false;
        }
    }

    /**
     * Sends each page's commands as soon as Google has served the page, while the next one is on its way: Google's
     * latency overlaps the node's own work instead of adding to it. Should the listing fail midway, what was listed
     * before is synced all the same (the run is not recorded, and the next sync finds those reviews unchanged).
     */
    private SyncOutcome pull(ShopView shop) {
        Map<ReviewId, SyncedReviews.Known> known = known(shop.id());
        AtomicInteger rejected = new AtomicInteger();
        AtomicInteger unchanged = new AtomicInteger();
        Semaphore slots = new Semaphore(inFlight);
        List<CompletableFuture<Void>> sent = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        AtomicInteger seen = new AtomicInteger();
        try {
            google.eachPage(shop.google(), page -> {
                List<SyncReview> batch = new ArrayList<>(commandsPerCommit);
                for (GoogleReview review : page) {
                    String key = review.reviewId() != null ? review.reviewId() : review.name();
                    if (key != null && !listed.add(key)) {
                        continue; // listed again: the listing started over with a new access token
                    }
                    seen.incrementAndGet();
                    SyncReview command = toCommand(shop, review);
                    if (command == null) {
                        rejected.incrementAndGet();
                        continue;
                    }
                    if (unchanged(known.get(command.reviewId()), command)) {
                        unchanged.incrementAndGet();
                        continue;
                    }
                    batch.add(command);
                    if (batch.size() == commandsPerCommit) {
                        sent.add(dispatch(shop, batch, slots, rejected));
                        batch = new ArrayList<>(commandsPerCommit);
                    }
                }
                if (!batch.isEmpty()) {
                    sent.add(dispatch(shop, batch, slots, rejected));
                }
            });
        } finally {
            // this sync's commands are done before it ends, failed or not: the shop's lock covers all of them
            CompletableFuture.allOf(sent.stream().map(f -> f.exceptionally(failure -> null))
                    .toArray(CompletableFuture[]::new)).join();
        }
        // all done by now; this only fails the run when a batch could not be dispatched (the node shutting down)
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
        commands.sendAndWait(new RecordReviewSync(shop.id(), seen.get()));
        log.info("Synced shop {}: {} reviews seen, {} unchanged, {} not taken", shop.id(), seen.get(),
                unchanged.get(), rejected.get());
        return new SyncOutcome(shop.id(), Status.SYNCED, seen.get(), rejected.get(), null);
    }

    /** Sends one batch on the dispatch pool once one of this sync's slots is free. */
    private CompletableFuture<Void> dispatch(ShopView shop, List<SyncReview> batch, Semaphore slots,
                                             AtomicInteger rejected) {
        slots.acquireUninterruptibly();
        try {
            return CompletableFuture.runAsync(() -> send(shop, batch, rejected), dispatch)
                    .whenComplete((done, failure) -> slots.release());
        } catch (RejectedExecutionException e) {
            slots.release();
            throw e; // shutting down
        }
    }

    /** The shop's Google reviews as the read side shows them; nothing (so everything is sent) if it cannot say. */
    private Map<ReviewId, SyncedReviews.Known> known(ShopId shopId) {
        try {
            SyncedReviews synced = queries.query(new FetchSyncedReviews(shopId, ReviewSource.GOOGLE), SyncedReviews.class)
                    .get(10, TimeUnit.SECONDS);
            return synced == null ? Map.of() : synced.byId();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        } catch (Exception e) {
            log.debug("The read side could not list shop {}'s reviews: every review is sent", shopId, e);
            return Map.of();
        }
    }

    /** True when sending the command would change nothing: the read side already shows Google's review and reply. */
    static boolean unchanged(SyncedReviews.Known known, SyncReview command) {
        if (known == null || known.rating() != command.rating()
                || !Objects.equals(Objects.requireNonNullElse(known.comment(), ""),
                Objects.requireNonNullElse(command.comment(), ""))) {
            return false;
        }
        SourceReply reply = command.sourceReply();
        if (reply == null || reply.text() == null || reply.text().isBlank()) {
            return true;
        }
        boolean replyStandsAtSource = known.status() == ReviewStatus.PUBLISHED
                || known.status() == ReviewStatus.REPLIED_ELSEWHERE;
        return replyStandsAtSource && known.replyText() != null && known.replyText().strip().equals(reply.text().strip());
    }

    private void send(ShopView shop, List<SyncReview> batch, AtomicInteger rejected) {
        batchSizes.record(batch.size());
        batchCommits.sendAll(batch).forEach((command, failure) -> {
            rejected.incrementAndGet();
            log.warn("SyncReview of Google review {} (shop {}) failed: {}", ((SyncReview) command).externalId(),
                    shop.id(), failure.toString());
        });
    }

    /** The SyncReview for one Google review, or null when Google's data is unusable (no id, no stars). */
    static SyncReview toCommand(ShopView shop, GoogleReview review) {
        String externalId = review.reviewId();
        if ((externalId == null || externalId.isBlank()) && review.name() != null) {
            externalId = review.name().substring(review.name().lastIndexOf('/') + 1);
        }
        if (externalId == null || externalId.isBlank() || review.starRating() < 1 || review.starRating() > 5) {
            log.warn("Skipping a Google review of shop {} without id or star rating ({})", shop.id(), review.name());
            return null;
        }
        String author = review.anonymous() || review.reviewerName() == null || review.reviewerName().isBlank()
                ? ANONYMOUS_AUTHOR : review.reviewerName().strip();
        String comment = review.comment() == null ? "" : review.comment();
        Instant created = firstNonNull(review.createTime(), review.updateTime(), Instant.now());
        Instant updated = firstNonNull(review.updateTime(), created, created);
        SourceReply reply = review.reply() == null ? null
                : new SourceReply(review.reply().comment(), review.reply().updateTime());
        return new SyncReview(ReviewId.derive(shop.id(), ReviewSource.GOOGLE, externalId), shop.id(),
                ReviewSource.GOOGLE, externalId, author, review.starRating(), comment,
                ReviewLanguage.guess(comment, shop.locale()), created, updated, reply);
    }

    private CompletableFuture<SyncOutcome> onExecutor(ShopId shopId, java.util.function.Supplier<SyncOutcome> work) {
        try {
            return CompletableFuture.supplyAsync(() -> {
                try {
                    return work.get();
                } catch (RuntimeException e) {
                    log.warn("Review sync of shop {} failed: {}", shopId, e.toString());
                    return SyncOutcome.of(shopId, Status.FAILED, e.getMessage());
                }
            }, executor);
        } catch (RejectedExecutionException e) {
            log.warn("Review sync of shop {} not queued: the sync queue is full or shut down", shopId);
            return CompletableFuture.completedFuture(SyncOutcome.of(shopId, Status.BUSY, "sync queue full"));
        }
    }

    private static Instant firstNonNull(Instant a, Instant b, Instant c) {
        return a != null ? a : b != null ? b : c;
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
        dispatch.shutdownNow();
    }
}
