package kr.salonmate.api.privacy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.salonmate.api.account.AccountStore;
import kr.salonmate.api.account.Membership;
import kr.salonmate.api.account.Role;
import kr.salonmate.api.account.UserAccount;
import kr.salonmate.api.error.ApiException;
import kr.salonmate.api.security.CurrentUser;
import kr.salonmate.messages.common.RuleViolation;
import kr.salonmate.messages.privacy.SubjectKind;
import kr.salonmate.messages.privacy.UserErased;
import kr.salonmate.messages.review.EraseReviewPersonalData;
import kr.salonmate.messages.review.ReviewId;
import kr.salonmate.messages.shop.RemoveMember;
import kr.salonmate.messages.shop.ShopId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Erasure of personal data (API.md "Privacy", ADR 20). Each method is one transaction: the event that records the
 * erasure (an audit entry, and the signal for the read models to scrub their copies) commits together with the
 * destruction of the subject's key, so there is no moment where the history says "erased" and the key still exists,
 * nor the other way round.
 */
@Service
public class PersonalDataErasure {

    private final CommandGateway commands;
    private final EventGateway events;
    private final SubjectKeys keys;
    private final AccountStore accounts;
    private final PasswordEncoder passwords;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public PersonalDataErasure(CommandGateway commands, EventGateway events, SubjectKeys keys, AccountStore accounts,
                               PasswordEncoder passwords, JdbcTemplate jdbc, TransactionTemplate transactions,
                               Clock clock) {
        this.transactions = transactions;
        this.commands = commands;
        this.events = events;
        this.keys = keys;
        this.accounts = accounts;
        this.passwords = passwords;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The reviewer's name and text: unreadable in every event of the review from now on. */
    @Transactional
    public void eraseReview(ReviewId reviewId, CurrentUser caller) {
        commands.sendAndWait(new EraseReviewPersonalData(reviewId, caller.actor()));
        keys.erase(SubjectKind.REVIEWER.subject(reviewId));
    }

    /**
     * Deletes the caller's account: they leave every shop (refused with {@code LAST_OWNER} while they are the only
     * OWNER of a shop that has other members), their key is destroyed (their name reads {@code "(deleted user)"} in
     * every event), and the account's rows go. A shop they were the only member of keeps its history, memberless.
     *
     * <p>Leaving the shops comes first, one command each: a shop whose own record does not know the member (a
     * membership written beside the events) must not roll the erasure back. If the erasure then fails, the user has
     * left their shops and may simply ask again.
     */
    public void deleteAccount(CurrentUser caller, String password) {
        UserAccount user = accounts.findById(caller.id()).orElseThrow(() ->
                new ApiException(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "This account no longer exists"));
        if (password == null || password.isEmpty()) {
            throw ApiException.validation("password", "is required to delete a password account");
        }
        if (!passwords.matches(password, user.passwordHash())) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "The password is not right");
        }
        List<Membership> memberships = accounts.memberships(user.id());
        List<ShopId> left = new ArrayList<>();
        for (Membership membership : memberships) {
            int others = count("SELECT count(*) FROM shop_membership WHERE shop_id = ? AND user_id <> ?",
                    membership.shopId(), user.id());
            int otherOwners = count("SELECT count(*) FROM shop_membership WHERE shop_id = ? AND user_id <> ? "
                    + "AND role = 'OWNER'", membership.shopId(), user.id());
            if (membership.role() == Role.OWNER && otherOwners == 0 && others > 0) {
                throw new ApiException(HttpStatus.CONFLICT, "LAST_OWNER", "You are the only OWNER of a shop that has "
                        + "other members: make one of them OWNER first", Map.of("shopId", membership.shopId()));
            }
        }
        for (Membership membership : memberships) {
            ShopId shop = new ShopId(membership.shopId());
            if (count("SELECT count(*) FROM shop_membership WHERE shop_id = ? AND user_id <> ?",
                    membership.shopId(), user.id()) > 0) {
                try {
                    commands.sendAndWait(new RemoveMember(shop, user.id(), caller.actor()));
                } catch (RuleViolation notInTheShopsRecord) {
                    if (!"MEMBER_NOT_FOUND".equals(notInTheShopsRecord.code())) {
                        throw notInTheShopsRecord;
                    }
                }
            }
            left.add(shop);
        }
        transactions.executeWithoutResult(status -> erase(user, left));
    }

    private void erase(UserAccount user, List<ShopId> left) {
        events.publish(new UserErased(user.id(), List.copyOf(left), clock.instant()));
        keys.erase(SubjectKind.USER.subject(user.id()));
        // invitations to the address: the address goes from their events and from the invitation table
        for (UUID invitation : jdbc.queryForList("SELECT id FROM shop_invitation WHERE email = ? OR accepted_by = ?",
                UUID.class, user.email(), user.id())) {
            keys.erase(SubjectKind.INVITEE.subject(invitation));
        }
        jdbc.update("DELETE FROM shop_invitation WHERE email = ? OR accepted_by = ?", user.email(), user.id());
        jdbc.update("DELETE FROM shop_membership WHERE user_id = ?", user.id());
        jdbc.update("DELETE FROM refresh_token WHERE user_id = ?", user.id());
        jdbc.update("DELETE FROM idempotency_record WHERE user_id = ?", user.id());
        jdbc.update("DELETE FROM login_failure WHERE email = ?", user.email());
        jdbc.update("DELETE FROM mail_outbox WHERE recipient = ?", user.email());
        // snapshots are caches of aggregate state: one that holds the address (a pending invitation) is dropped
        jdbc.update("DELETE FROM snapshot_event_entry WHERE position(convert_to(?, 'UTF8') IN payload) > 0",
                user.email());
        jdbc.update("DELETE FROM app_user WHERE id = ?", user.id()); // one_time_token rows go with it (cascade)
    }

    private int count(String sql, UUID shopId, UUID userId) {
        Integer n = jdbc.queryForObject(sql, Integer.class, shopId, userId);
        return n == null ? 0 : n;
    }
}
