package kr.salonmate.api.review;

import static kr.salonmate.api.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import kr.salonmate.api.support.HttpApi;
import kr.salonmate.api.support.IntegrationTest;
import kr.salonmate.query.shop.ShopProjection;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A command endpoint answers with what its own command did (ADR 26): it waits for the read model, however long the
 * projection takes within the limit, and then answers at once with the new state, not the old one.
 */
class ReadYourWritesTest extends IntegrationTest {

    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aCommandAnswersWithItsChangeOnceTheProjectionHasCaughtUp() throws Exception {
        Owner owner = signUp("기다리는 살롱");
        HttpApi.Response before = eventually(() -> api.get(owner.shop(""), owner.token()), r -> r.status() == 200,
                "the shop view");
        assertThat(before.json().path("replySettings").path("tone").asText()).isNotEqualTo("FORMAL");

        StreamingEventProcessor shops = processing.eventProcessor(ShopProjection.GROUP, StreamingEventProcessor.class)
                .orElseThrow();
        shops.shutDown();
        CompletableFuture<HttpApi.Response> answer;
        try {
            answer = CompletableFuture.supplyAsync(() -> api.put(owner.shop("/reply-settings"), owner.token(),
                    Map.of("tone", "FORMAL", "language", "ko", "autoDraft", false, "allowOffers", false)));
            // the command is done and its event stored, but the shop view cannot show it while its processor is
            // stopped: the request is still waiting rather than answering with the old settings
            eventually(() -> settingsChanges(owner.shopId()), n -> n == 1, "the stored ReplySettingsChanged");
            assertThat(answer).isNotDone();
        } finally {
            shops.start();
        }

        HttpApi.Response response = answer.get(30, TimeUnit.SECONDS);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("replySettings").path("tone").asText()).isEqualTo("FORMAL");
        assertThat(response.json().path("replySettings").path("language").asText()).isEqualTo("ko");
    }

    private int settingsChanges(String shopId) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " AND payload_type LIKE '%ReplySettingsChanged'", Integer.class, shopId);
    }
}
