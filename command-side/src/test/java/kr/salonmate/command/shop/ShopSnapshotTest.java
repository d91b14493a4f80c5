package kr.salonmate.command.shop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import kr.salonmate.messages.common.Actor;
import kr.salonmate.messages.shop.ReplySettings;
import kr.salonmate.messages.shop.ReplySettingsChanged;
import kr.salonmate.messages.shop.ReplyTone;
import kr.salonmate.messages.shop.ShopId;
import kr.salonmate.messages.shop.ShopRegistered;
import kr.salonmate.messages.shop.MemberAdded;
import kr.salonmate.messages.shop.MemberInvited;
import kr.salonmate.messages.shop.MemberRole;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

/** A shop's snapshot goes through Axon's Jackson serializer, as in production, and comes back the same. */
class ShopSnapshotTest {

    @Test
    void aShopSurvivesTheRoundTripThroughItsSnapshot() {
        ShopId id = ShopId.random();
        Actor owner = Actor.user(UUID.randomUUID(), "최원장");
        ReplySettings settings = new ReplySettings(ReplyTone.FRIENDLY, "ko", "미소 드림", false, 4, true);
        Shop shop = new Shop();
        shop.on(new ShopRegistered(id, "헤어살롱 미소", "Asia/Seoul", "ko", owner, ReplySettings.defaults(), Instant.now()));
        shop.on(new ReplySettingsChanged(id, settings, owner, Instant.now()));
        UUID designer = UUID.randomUUID();
        UUID invitation = UUID.randomUUID();
        shop.on(new MemberAdded(id, designer, MemberRole.MANAGER, owner, Instant.now()));
        shop.on(new MemberInvited(id, invitation, "park@example.com", MemberRole.STAFF, owner,
                Instant.parse("2026-12-04T03:15:00Z"), Instant.now()));

        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        SerializedObject<byte[]> snapshot = serializer.serialize(shop, byte[].class);
        Shop restored = serializer.deserialize(snapshot);

        assertThat(new String(snapshot.getData())).contains(id.toString()).contains("FRIENDLY")
                .contains(designer.toString()).contains("park@example.com");
        assertThat(restored).usingRecursiveComparison().isEqualTo(shop);
    }
}
