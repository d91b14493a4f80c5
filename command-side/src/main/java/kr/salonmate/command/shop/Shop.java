package kr.salonmate.command.shop;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import kr.salonmate.command.Require;
import kr.salonmate.messages.shop.ChangeReplySettings;
import kr.salonmate.messages.shop.ConnectGoogleLocation;
import kr.salonmate.messages.shop.ConnectInstagramAccount;
import kr.salonmate.messages.shop.GoogleLocationConnected;
import kr.salonmate.messages.shop.InstagramAccountConnected;
import kr.salonmate.messages.shop.RecordReviewSync;
import kr.salonmate.messages.shop.RegisterShop;
import kr.salonmate.messages.shop.ReplySettings;
import kr.salonmate.messages.shop.ReplySettingsChanged;
import kr.salonmate.messages.shop.ReviewsSynced;
import kr.salonmate.messages.shop.ShopId;
import kr.salonmate.messages.shop.ShopRegistered;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A salon: its name, zone and language, how it wants replies written, and where its reviews come from.
 * Every sync run is recorded here, so the shop is snapshotted (see {@link ShopSnapshotting}); its fields are
 * the snapshot, hence the Jackson field visibility.
 */
@Aggregate(snapshotTriggerDefinition = ShopSnapshotting.TRIGGER)
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
class Shop {

    static final int MAX_NAME_LENGTH = 100;
    static final int MAX_SIGNATURE_LENGTH = 200;
    static final Set<String> LOCALES = Set.of("ko", "en");
    static final Set<String> REPLY_LANGUAGES = Set.of("AUTO", "ko", "en");

    @AggregateIdentifier
    private ShopId id;
    private ReplySettings replySettings;

    Shop() {
        // for Axon and for snapshots
    }

    @CommandHandler
    Shop(RegisterShop cmd, Clock clock) {
        Require.notNull(cmd.shopId(), "shopId");
        Require.notBlank(cmd.name(), "name");
        String name = cmd.name().strip();
        Require.atMost(name, MAX_NAME_LENGTH, "name");
        Require.that(isTimeZone(cmd.timezone()), "timezone", "must be an IANA time zone id such as Asia/Seoul");
        Require.that(isOneOf(cmd.locale(), LOCALES), "locale", "must be ko or en");
        Require.notNull(cmd.owner(), "owner");
        apply(new ShopRegistered(cmd.shopId(), name, cmd.timezone(), cmd.locale(), cmd.owner(),
                ReplySettings.defaults(), clock.instant()));
    }

    @CommandHandler
    void handle(ChangeReplySettings cmd, Clock clock) {
        ReplySettings settings = cmd.settings();
        Require.notNull(settings, "settings");
        Require.notNull(settings.tone(), "tone");
        Require.that(isOneOf(settings.language(), REPLY_LANGUAGES), "language", "must be AUTO, ko or en");
        Require.atMost(settings.signature(), MAX_SIGNATURE_LENGTH, "signature");
        if (settings.autoPublishMinRating() != null) {
            Require.between(settings.autoPublishMinRating(), 1, 5, "autoPublishMinRating");
        }
        if (settings.equals(replySettings)) {
            return;
        }
        apply(new ReplySettingsChanged(id, settings, cmd.changedBy(), clock.instant()));
    }

    @CommandHandler
    void handle(ConnectGoogleLocation cmd, Clock clock) {
        Require.notBlank(cmd.accountId(), "accountId");
        Require.notBlank(cmd.locationId(), "locationId");
        Require.notBlank(cmd.credentialRef(), "credentialRef");
        apply(new GoogleLocationConnected(id, cmd.accountId(), cmd.locationId(), cmd.credentialRef(),
                cmd.connectedBy(), clock.instant()));
    }

    @CommandHandler
    void handle(ConnectInstagramAccount cmd, Clock clock) {
        Require.notBlank(cmd.igUserId(), "igUserId");
        Require.that(cmd.igUserId().matches("[0-9]{1,32}"), "igUserId", "must be the numeric Instagram user id");
        Require.notBlank(cmd.credentialRef(), "credentialRef");
        apply(new InstagramAccountConnected(id, cmd.igUserId(), cmd.credentialRef(), cmd.connectedBy(),
                clock.instant()));
    }

    @CommandHandler
    void handle(RecordReviewSync cmd, Clock clock) {
        Require.that(cmd.reviewsSeen() >= 0, "reviewsSeen", "must not be negative");
        apply(new ReviewsSynced(id, cmd.reviewsSeen(), clock.instant()));
    }

    @EventSourcingHandler
    void on(ShopRegistered e) {
        id = e.shopId();
        replySettings = e.replySettings();
    }

    @EventSourcingHandler
    void on(ReplySettingsChanged e) {
        replySettings = e.settings();
    }

    private static boolean isTimeZone(String zone) {
        return zone != null && ZoneId.getAvailableZoneIds().contains(zone);
    }

    private static boolean isOneOf(String value, Set<String> allowed) {
        return value != null && allowed.contains(value);
    }
}
