package kr.salonmate.api.member;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import kr.salonmate.api.account.AccountStore;
import kr.salonmate.api.account.Role;
import kr.salonmate.api.account.UserAccount;
import kr.salonmate.api.error.ApiException;
import kr.salonmate.api.mail.MailOutbox;
import kr.salonmate.api.readmodel.ReadModels;
import kr.salonmate.api.security.CurrentUser;
import kr.salonmate.messages.shop.AcceptInvitation;
import kr.salonmate.messages.shop.AddMember;
import kr.salonmate.messages.shop.ChangeMemberRole;
import kr.salonmate.messages.shop.InviteMember;
import kr.salonmate.messages.shop.MemberRole;
import kr.salonmate.messages.shop.RemoveMember;
import kr.salonmate.messages.shop.RevokeInvitation;
import kr.salonmate.messages.shop.ShopId;
import kr.salonmate.messages.shop.ShopView;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Membership changes. The Shop aggregate decides (LAST_OWNER, already a member or invited, a pending unexpired
 * invitation for that address); each method runs its command in one transaction with what goes beside it (the
 * invitation's token hash, the mail in the outbox, the verified e-mail), since the command's unit of work joins
 * it: either all of it happens or none.
 */
@Service
public class ShopMembers {

    static final Duration INVITATION_VALID_FOR = Duration.ofDays(7);

    /** What adding an address did: an account was added, or the address was invited. */
    public record Added(UUID memberId, Invitations.Invitation invitation) {
    }

    private final CommandGateway commands;
    private final AccountStore accounts;
    private final Invitations invitations;
    private final MemberMails mails;
    private final MailOutbox outbox;
    private final ReadModels readModels;
    private final Clock clock;

    public ShopMembers(CommandGateway commands, AccountStore accounts, Invitations invitations, MemberMails mails,
                       MailOutbox outbox, ReadModels readModels, Clock clock) {
        this.commands = commands;
        this.accounts = accounts;
        this.invitations = invitations;
        this.mails = mails;
        this.outbox = outbox;
        this.readModels = readModels;
        this.clock = clock;
    }

    @Transactional
    public Added add(ShopId shop, CurrentUser caller, String email, Role role) {
        String address = AccountStore.normalizeEmail(email);
        // the shop view is eventually consistent: a shop made a moment ago may need a moment to show up
        ShopView view = readModels.shopAfterCommand(shop, v -> true).orElseThrow(() -> new ApiException(
                HttpStatus.SERVICE_UNAVAILABLE, "UPSTREAM_UNAVAILABLE", "The shop is not readable yet; try again"));
        Optional<UserAccount> account = accounts.findByEmail(address);
        if (account.isPresent()) {
            UserAccount user = account.get();
            commands.sendAndWait(new AddMember(shop, user.id(), address, roleOf(role), caller.actor()));
            outbox.enqueue(mails.added(user.email(), user.locale(), user.name(), view.name(), role));
            return new Added(user.id(), null);
        }
        UUID invitationId = UUID.randomUUID();
        Instant now = clock.instant();
        Instant expiresAt = now.plus(INVITATION_VALID_FOR);
        commands.sendAndWait(new InviteMember(shop, invitationId, address, roleOf(role), caller.actor(), expiresAt));
        String token = invitations.insert(invitationId, shop.value(), view.name(), address, role, caller.id(), now,
                expiresAt);
        outbox.enqueue(mails.invitation(address, view.locale(), view.name(), caller.name(), role, token));
        return new Added(null, invitations.byId(shop.value(), invitationId).orElseThrow());
    }

    public void changeRole(ShopId shop, CurrentUser caller, UUID userId, Role role) {
        commands.sendAndWait(new ChangeMemberRole(shop, userId, roleOf(role), caller.actor()));
    }

    public void remove(ShopId shop, CurrentUser caller, UUID userId) {
        commands.sendAndWait(new RemoveMember(shop, userId, caller.actor()));
    }

    @Transactional
    public void revoke(ShopId shop, CurrentUser caller, UUID invitationId) {
        Invitations.Invitation invitation = invitations.byId(shop.value(), invitationId)
                .filter(i -> i.acceptedAt() == null && i.revokedAt() == null)
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "INVITATION_NOT_FOUND",
                        "This shop has no pending invitation with that id", Map.<String, Object>of("invitationId", invitationId)));
        commands.sendAndWait(new RevokeInvitation(shop, invitation.id(), caller.actor()));
        invitations.markRevoked(invitation.id(), clock.instant());
    }

    /**
     * Takes an invitation up for the signed-in account. The token must be one we mailed and still open (else
     * 410 GONE), and the account's address the invited one (else 403 FORBIDDEN, and the token stays usable by
     * its owner); the address then counts as verified, since the link was mailed there.
     */
    @Transactional
    public Invitations.Invitation accept(CurrentUser caller, String token) {
        Instant now = clock.instant();
        Invitations.Invitation invitation = invitations.byToken(token).orElseThrow(() -> gone("UNKNOWN"));
        String closed = invitation.closedReason(now);
        if (closed != null) {
            throw gone(closed);
        }
        UserAccount user = accounts.findById(caller.id()).orElseThrow(() ->
                new ApiException(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "This account no longer exists"));
        if (!user.email().equals(invitation.email())) {
            throw ApiException.forbidden("This invitation was sent to another e-mail address");
        }
        commands.sendAndWait(new AcceptInvitation(ShopId.of(invitation.shopId().toString()), invitation.id(),
                user.id(), user.email(), caller.actor()));
        if (!invitations.markAccepted(invitation.id(), user.id(), now)) {
            throw gone("USED"); // rolls the accepted event back with this transaction
        }
        accounts.markEmailVerified(user.id(), invitation.email(), now);
        return invitation;
    }

    private static MemberRole roleOf(Role role) {
        return MemberRole.valueOf(role.name());
    }

    private static ApiException gone(String reason) {
        return new ApiException(HttpStatus.GONE, "GONE",
                "This invitation is not valid any more: it was used, revoked or expired; ask for a new one",
                Map.of("reason", reason));
    }
}
