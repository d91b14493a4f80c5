package kr.salonmate.api.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import kr.salonmate.api.support.HttpApi;
import kr.salonmate.api.support.IntegrationTest;
import kr.salonmate.messages.review.ReviewId;
import kr.salonmate.messages.review.ReviewSource;
import kr.salonmate.messages.review.SyncReview;
import kr.salonmate.messages.shop.ShopId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A Naver import of the largest file allowed (10,000 rows) through the HTTP API, auto-draft off, against its anchor
 * measured in the same run: the same kind of {@code SyncReview} commands sent one at a time (what the import would
 * do without its in-flight pool). Not part of the default run (docs/benchmarks.md, "Naver import"):
 * {@code ./mvnw -o -q -ntp -pl api -am -Dsurefire.failIfNoSpecifiedTests=false -Dtest=NaverImportBenchmark test}.
 */
class NaverImportBenchmark extends IntegrationTest {

    private static final int ROWS = Integer.getInteger("benchmark.rows", 10_000);
    private static final int ANCHOR_ROWS = Integer.getInteger("benchmark.anchorRows", 2_000);

    @Autowired
    private CommandGateway commands;

    @Test
    void importTenThousandRows() {
        Owner anchorShop = quietShop("anchor");
        ShopId anchor = ShopId.of(anchorShop.shopId());
        Instant at = Instant.parse("2026-11-27T00:00:00Z");
        long started = System.nanoTime();
        for (int i = 0; i < ANCHOR_ROWS; i++) {
            String id = "seq-" + i;
            commands.sendAndWait(new SyncReview(ReviewId.derive(anchor, ReviewSource.NAVER, id), anchor,
                    ReviewSource.NAVER, id, "김**", 1 + i % 5, "좋아요, 정말 " + i, "ko", at, at, null));
        }
        double sequential = ANCHOR_ROWS / seconds(started);

        Owner owner = quietShop("import");
        StringBuilder csv = new StringBuilder("reviewId,author,rating,comment,createdAt\r\n");
        for (int i = 0; i < ROWS; i++) {
            csv.append("bulk-").append(i).append(",김**,").append(1 + i % 5).append(",\"좋아요, 정말 ").append(i)
                    .append("\",2026.11.27.\r\n");
        }
        byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
        started = System.nanoTime();
        HttpApi.Response response = api.sendBytes("POST", owner.shop("/reviews/import"), owner.token(), file, "text/csv");
        double elapsed = seconds(started);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("imported").asInt()).isEqualTo(ROWS);

        System.out.printf("[benchmark] anchor: SyncReview one at a time          %8.1f rows/s (%d rows)%n", sequential,
                ANCHOR_ROWS);
        System.out.printf("[benchmark] Naver import, %d rows, %d bytes      %8.1f rows/s in %.1f s, ratio %.2f%n", ROWS,
                file.length, ROWS / elapsed, elapsed, (ROWS / elapsed) / sequential);
    }

    private Owner quietShop(String name) {
        Owner owner = signUp("Naver benchmark " + name);
        HttpApi.Response settings = api.put(owner.shop("/reply-settings"), owner.token(), Map.of("tone", "FRIENDLY",
                "language", "AUTO", "autoDraft", false, "allowOffers", false));
        assertThat(settings.status()).as(settings.body()).isEqualTo(200);
        return owner;
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
