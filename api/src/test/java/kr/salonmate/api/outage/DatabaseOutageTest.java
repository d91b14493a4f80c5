package kr.salonmate.api.outage;

import static kr.salonmate.api.support.Errors.assertError;
import static kr.salonmate.api.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import kr.salonmate.api.dashboard.TcpProxy;
import kr.salonmate.api.support.HttpApi;
import kr.salonmate.api.support.ShopWithReviewsTest;
import kr.salonmate.api.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * QUALITY.md's "PostgreSQL unavailable for a while": this node reaches its own database through a TCP relay that
 * the test cuts (every open connection dropped, new ones refused) and restores. While it is cut, API calls answer
 * {@code 503 UPSTREAM_UNAVAILABLE} within a second, through the pool's time-out and the database circuit, for
 * longer than the circuit stays open (so half-open trials fail and open it again); once restored, requests work
 * again and the event processors handle new events, without anyone restarting anything.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DatabaseOutageTest extends ShopWithReviewsTest {

    private static final TestDatabase.Database OWN_DATABASE = TestDatabase.create("itdown");
    private static final TcpProxy TO_POSTGRES = new TcpProxy(
            URI.create(OWN_DATABASE.url().substring("jdbc:".length())).getPort());

    @DynamicPropertySource
    static void throughTheRelay(DynamicPropertyRegistry registry) {
        registry.add("salonmate.test.database-url", () -> "jdbc:postgresql://127.0.0.1:" + TO_POSTGRES.port() + "/"
                + OWN_DATABASE.name()); // see IntegrationTest
        registry.add("salonmate.db.circuit.open-for", () -> "PT1S");
    }

    @AfterAll
    static void closeRelay() {
        TO_POSTGRES.close();
    }

    @Test
    void withPostgresGoneCallsAnswer503WithinASecondAndTheNodeRecoversByItselfProcessorsIncluded() throws Exception {
        Owner owner = signUp("살롱 정전");
        shopWithDraftedReviews(owner, 1);

        TO_POSTGRES.cut();
        try {
            long outageEnds = System.nanoTime() + Duration.ofSeconds(3).toNanos(); // three times the open period
            int answered = 0;
            while (System.nanoTime() < outageEnds || answered < 5) {
                long started = System.nanoTime();
                HttpApi.Response response = answered % 2 == 0
                        ? api.get(owner.shop("/reviews"), owner.token())
                        : api.put(owner.shop("/reply-settings"), owner.token(), Map.of("tone", "POLITE",
                                "language", "AUTO", "autoDraft", true, "allowOffers", false));
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                assertError(response, 503, "UPSTREAM_UNAVAILABLE");
                assertThat(response.header("Retry-After")).isNotBlank();
                assertThat(took).as("answer %d took %s", answered, took).isLessThan(Duration.ofSeconds(1));
                answered++;
                Thread.sleep(150); // pacing, not waiting: a request every 150 ms for as long as the outage lasts
            }
            assertThat(api.get("/actuator/health", null).status()).as("health says DOWN").isEqualTo(503);
        } finally {
            TO_POSTGRES.restore();
        }

        eventually(() -> api.get(owner.shop("/reviews"), owner.token()).status(), status -> status == 200,
                "requests to work again");
        eventually(() -> api.get("/actuator/health", null).status(), status -> status == 200, "health UP again");
        // a review synced now goes through the projections, the drafting policy and saga: every kind of processor
        assertThat(shopWithDraftedReviews(owner, 1)).hasSize(1);
    }
}
