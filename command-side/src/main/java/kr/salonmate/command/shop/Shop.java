package kr.salonmate.command.shop;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import kr.salonmate.command.CommandSideModule;
import kr.salonmate.command.Require;
import kr.salonmate.messages.shop.AcceptInvitation;
import kr.salonmate.messages.shop.AddMember;
import kr.salonmate.messages.shop.ChangeMemberRole;
import kr.salonmate.messages.shop.InvitationAccepted;
import kr.salonmate.messages.shop.InvitationRevoked;
import kr.salonmate.messages.shop.InviteMember;
import kr.salonmate.messages.shop.MemberAdded;
import kr.salonmate.messages.shop.MemberInvited;
import kr.salonmate.messages.shop.MemberRemoved;
import kr.salonmate.messages.shop.MemberRole;
import kr.salonmate.messages.shop.MemberRoleChanged;
import kr.salonmate.messages.shop.RemoveMember;
import kr.salonmate.messages.shop.RevokeInvitation;
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
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;

/**
 * A salon: its name, zone and language, how it wants replies written, and where its reviews come from.
 * Every sync run is recorded here, so the shop is snapshotted (see {@link ShopSnapshotting}); its fields are
 * the snapshot, hence the Jackson field visibility. Its members and pending invitations are here too, so the rules
 * about them (a shop keeps an OWNER, one invitation per address, single use) are checked where they are decided.
 * The revision changes whenever the fields do: a snapshot of another revision is ignored and the shop is rebuilt
 * from its events (snapshots taken before members were here would otherwise give a shop without owners).
 */
@Revision("2")
@Aggregate(snapshotTriggerDefinition = ShopSnapshotting.TRIGGER)
@ConditionalOnBooleanProperty(name = CommandSideModule.ENABLED_PROPERTY, matchIfMissing = true)
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
    private Map<UUID, MemberRole> members = new HashMap<>();
    private Map<UUID, PendingInvitation> invitations = new HashMap<>();

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

    // --- members and invitations ---------------------------------------------------------------------------

    @CommandHandler
    void handle(AddMember cmd, Clock clock) {
        Require.notNull(cmd.userId(), "userId");
        Require.notNull(cmd.role(), "role");
        if (members.containsKey(cmd.userId())) {
            throw new AlreadyMember("That account is a member of this shop already");
        }
        if (cmd.memberEmail() != null && hasPendingInvitationFor(cmd.memberEmail(), clock.instant())) {
            throw new AlreadyInvited("That address has a pending invitation to this shop already");
        }
        apply(new MemberAdded(id, cmd.userId(), cmd.role(), cmd.addedBy(), clock.instant()));
    }

    @CommandHandler
    void handle(ChangeMemberRole cmd, Clock clock) {
        Require.notNull(cmd.role(), "role");
        MemberRole current = roleOf(cmd.userId());
        if (current == cmd.role()) {
            return;
        }
        if (current == MemberRole.OWNER && owners() == 1) {
            throw new LastOwner("The last OWNER of a shop cannot be demoted; make someone else OWNER first");
        }
        apply(new MemberRoleChanged(id, cmd.userId(), cmd.role(), current, cmd.changedBy(), clock.instant()));
    }

    @CommandHandler
    void handle(RemoveMember cmd, Clock clock) {
        MemberRole current = roleOf(cmd.userId());
        if (current == MemberRole.OWNER && owners() == 1) {
            throw new LastOwner("The last OWNER of a shop cannot be removed or leave; make someone else OWNER first");
        }
        apply(new MemberRemoved(id, cmd.userId(), current, cmd.removedBy(), clock.instant()));
    }

    @CommandHandler
    void handle(InviteMember cmd, Clock clock) {
        Require.notNull(cmd.invitationId(), "invitationId");
        Require.notBlank(cmd.inviteeEmail(), "email");
        Require.notNull(cmd.role(), "role");
        Require.notNull(cmd.expiresAt(), "expiresAt");
        Require.that(cmd.expiresAt().isAfter(clock.instant()), "expiresAt", "must be in the future");
        if (invitations.containsKey(cmd.invitationId())) {
            throw new AlreadyInvited("Invitation " + cmd.invitationId() + " exists already");
        }
        if (hasPendingInvitationFor(cmd.inviteeEmail(), clock.instant())) {
            throw new AlreadyInvited("That address has a pending invitation to this shop already");
        }
        apply(new MemberInvited(id, cmd.invitationId(), normalized(cmd.inviteeEmail()), cmd.role(), cmd.invitedBy(),
                cmd.expiresAt(), clock.instant()));
    }

    @CommandHandler
    void handle(AcceptInvitation cmd, Clock clock) {
        Require.notNull(cmd.userId(), "userId");
        PendingInvitation invitation = invitations.get(cmd.invitationId());
        if (invitation == null) {
            throw new InvitationGone("This invitation was accepted or revoked already, or never existed");
        }
        if (invitation.expiredAt(clock.instant())) {
            throw new InvitationGone("This invitation expired on " + invitation.expiresAt());
        }
        if (cmd.accountEmail() == null || !invitation.email().equals(normalized(cmd.accountEmail()))) {
            throw new InvitationForAnotherEmail("This invitation was sent to another e-mail address");
        }
        if (members.containsKey(cmd.userId())) {
            throw new AlreadyMember("You are a member of this shop already");
        }
        apply(new InvitationAccepted(id, cmd.invitationId(), cmd.userId(), invitation.role(), cmd.acceptedBy(),
                clock.instant()));
    }

    @CommandHandler
    void handle(RevokeInvitation cmd, Clock clock) {
        if (!invitations.containsKey(cmd.invitationId())) {
            throw new InvitationNotFound("This shop has no pending invitation " + cmd.invitationId());
        }
        apply(new InvitationRevoked(id, cmd.invitationId(), cmd.revokedBy(), clock.instant()));
    }

    private MemberRole roleOf(UUID userId) {
        MemberRole role = userId == null ? null : members.get(userId);
        if (role == null) {
            throw new MemberNotFound("That account is not a member of this shop");
        }
        return role;
    }

    private long owners() {
        return members.values().stream().filter(role -> role == MemberRole.OWNER).count();
    }

    private boolean hasPendingInvitationFor(String email, Instant now) {
        String address = normalized(email);
        return invitations.values().stream().anyMatch(i -> i.email().equals(address) && !i.expiredAt(now));
    }

    private static String normalized(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    @EventSourcingHandler
    void on(ShopRegistered e) {
        id = e.shopId();
        replySettings = e.replySettings();
        if (e.owner() != null && e.owner().userId() != null) {
            members.put(e.owner().userId(), MemberRole.OWNER);
        }
    }

    @EventSourcingHandler
    void on(MemberAdded e) {
        members.put(e.userId(), e.role());
    }

    @EventSourcingHandler
    void on(MemberRoleChanged e) {
        members.put(e.userId(), e.role());
    }

    @EventSourcingHandler
    void on(MemberRemoved e) {
        members.remove(e.userId());
    }

    @EventSourcingHandler
    void on(MemberInvited e) {
        invitations.put(e.invitationId(), new PendingInvitation(e.inviteeEmail(), e.role(), e.expiresAt()));
    }

    @EventSourcingHandler
    void on(InvitationAccepted e) {
        invitations.remove(e.invitationId());
        members.put(e.userId(), e.role());
    }

    @EventSourcingHandler
    void on(InvitationRevoked e) {
        invitations.remove(e.invitationId());
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
