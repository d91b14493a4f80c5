package kr.salonmate.command.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import kr.salonmate.messages.billing.AiGenerationUsed;
import kr.salonmate.messages.billing.AiQuotaExhausted;
import kr.salonmate.messages.billing.AutoDraftPaused;
import kr.salonmate.messages.billing.ChargeRequested;
import kr.salonmate.messages.billing.PaymentSucceeded;
import kr.salonmate.messages.billing.Plan;
import kr.salonmate.messages.billing.SubscriptionStarted;
import kr.salonmate.messages.review.ReviewId;
import kr.salonmate.messages.shop.ShopId;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

/** A shop's billing goes through Axon's Jackson serializer as its snapshot, and comes back the same. */
class BillingSnapshotTest {

    @Test
    void billingSurvivesTheRoundTripThroughItsSnapshot() {
        ShopId shop = ShopId.random();
        Instant periodStart = Instant.parse("2026-12-01T00:00:00Z");
        Instant periodEnd = Instant.parse("2027-01-01T00:00:00Z");
        UUID drafted = UUID.randomUUID();
        ReviewId waiting = ReviewId.derive(shop, kr.salonmate.messages.review.ReviewSource.GOOGLE, "g-1");
        Billing billing = new Billing();
        billing.on(new ChargeRequested(shop, "sm-order-1", 29_000, periodStart, periodEnd, 1, false, "customer-1",
                "billing-key-ref-1", "신한", "1234", Instant.now()));
        billing.on(new PaymentSucceeded(shop, "sm-order-1", "payment-1", 29_000, Instant.now(), Instant.now()));
        billing.on(new SubscriptionStarted(shop, Plan.PRO, "customer-1", "billing-key-ref-1", "신한", "1234", 29_000,
                periodStart, periodEnd, 1_000, Instant.now()));
        billing.on(new AiGenerationUsed(shop, "REPLY", drafted, true, "Asia/Seoul", periodStart, periodEnd, 1, 1_000,
                Instant.now()));
        billing.on(new AiQuotaExhausted(shop, periodEnd, 1_000, Instant.now()));
        billing.on(new AutoDraftPaused(shop, waiting, Instant.parse("2026-12-06T09:00:00Z"), Instant.now()));

        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        SerializedObject<byte[]> snapshot = serializer.serialize(billing, byte[].class);
        Billing restored = serializer.deserialize(snapshot);

        assertThat(snapshot.getType().getRevision()).isEqualTo("1");
        assertThat(new String(snapshot.getData())).contains(drafted.toString()).contains("sm-order-1")
                .contains(waiting.value().toString());
        assertThat(restored).usingRecursiveComparison().isEqualTo(billing);
    }
}
