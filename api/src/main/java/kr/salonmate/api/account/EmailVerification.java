package kr.salonmate.api.account;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import kr.salonmate.api.error.ApiException;
import kr.salonmate.api.mail.MailOutbox;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Proving that an account's e-mail is its own: a single-use link, valid 24 hours, mailed to that address. */
@Service
public class EmailVerification {

    static final Duration VALID_FOR = Duration.ofHours(24);

    private final AccountStore accounts;
    private final OneTimeTokens tokens;
    private final AccountMails mails;
    private final MailOutbox outbox;
    private final Clock clock;

    public EmailVerification(AccountStore accounts, OneTimeTokens tokens, AccountMails mails, MailOutbox outbox,
                             Clock clock) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.mails = mails;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Queues the verification mail, in the transaction that created the account (or asked again). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void mailLink(UserAccount user) {
        String token = tokens.issue(user.id(), user.email(), OneTimeTokens.Purpose.VERIFY_EMAIL, VALID_FOR);
        outbox.enqueue(mails.verification(user, token));
    }

    /** Another link for a signed-in account that is not verified yet; nothing for one that is. */
    @Transactional
    public void resend(UUID userId) {
        UserAccount user = accounts.findById(userId).orElseThrow(EmailVerification::accountGone);
        if (!user.emailVerified()) {
            mailLink(user);
        }
    }

    /** Follows a link: the address it was mailed to becomes verified, if the account still has that address. */
    @Transactional(noRollbackFor = ApiException.class)
    public UserAccount verify(String token) {
        OneTimeTokens.Redeemed redeemed = tokens.redeem(token, OneTimeTokens.Purpose.VERIFY_EMAIL);
        accounts.markEmailVerified(redeemed.userId(), redeemed.email(), clock.instant());
        return accounts.findById(redeemed.userId()).orElseThrow(EmailVerification::accountGone);
    }

    private static ApiException accountGone() {
        return new ApiException(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "This account no longer exists");
    }
}
