package kr.salonmate.api.billing;

import static kr.salonmate.api.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import kr.salonmate.api.support.IntegrationTest;
import kr.salonmate.messages.billing.BillingId;
import kr.salonmate.messages.billing.UseAiGeneration;
import kr.salonmate.messages.shop.ShopId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every AI generation is an event of the shop's billing, so a busy shop's billing stream grows by thousands a month;
 * it is snapshotted every 100 events and loaded from the snapshot, with the count going on exactly where it was.
 */
class BillingSnapshotsTest extends IntegrationTest {

    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aBusyShopsBillingIsLoadedFromItsSnapshotAndCountsOnExactly() {
        ShopId shop = ShopId.random();
        BillingId billing = BillingId.of(shop);
        for (int i = 0; i < 130; i++) {
            assertThat(use(shop)).isTrue(); // the common test context's FREE quota has no limit
        }

        long snapshots = eventually(() -> jdbc.queryForObject(
                "SELECT count(*) FROM snapshot_event_entry WHERE aggregate_identifier = ?", Long.class,
                billing.toString()), count -> count >= 1, "a snapshot of " + billing);
        assertThat(snapshots).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT max(sequence_number) FROM snapshot_event_entry "
                + "WHERE aggregate_identifier = ?", Long.class, billing.toString())).isGreaterThanOrEqualTo(99L);

        // loaded from the snapshot and the events after it: the 131st generation is counted as the 131st
        assertThat(use(shop)).isTrue();
        String last = jdbc.queryForObject("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry "
                + "WHERE aggregate_identifier = ? ORDER BY sequence_number DESC LIMIT 1", String.class,
                billing.toString());
        assertThat(last).contains("\"used\":131");
    }

    private Boolean use(ShopId shop) {
        return commands.sendAndWait(new UseAiGeneration(BillingId.of(shop), shop, "Asia/Seoul", "REPLY",
                UUID.randomUUID(), true, Instant.now()));
    }
}
