package kr.salonmate.api.account;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import kr.salonmate.api.error.ApiException;
import kr.salonmate.api.mail.MailOutbox;
import kr.salonmate.api.security.TokenService;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Forgot my password": a single-use link, valid one hour, mailed to a known address. Asking reveals nothing
 * about whether an address has an account: the answer is the same, and both cases do the same expensive work (one
 * bcrypt hash, which dwarfs the two small inserts of the known case); the mail itself leaves later, from the outbox.
 * A reset ends every login of the account.
 */
@Service
public class PasswordReset {

    static final Duration VALID_FOR = Duration.ofHours(1);

    private final AccountStore accounts;
    private final OneTimeTokens tokens;
    private final AccountMails mails;
    private final MailOutbox outbox;
    private final PasswordEncoder passwords;
    private final TokenService sessions;
    private final LoginFailures loginFailures;
    private final Clock clock;
    private final DummyPasswordHash dummyHash;

    public PasswordReset(AccountStore accounts, OneTimeTokens tokens, AccountMails mails, MailOutbox outbox,
                         PasswordEncoder passwords, TokenService sessions, LoginFailures loginFailures, Clock clock,
                         DummyPasswordHash dummyHash) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.mails = mails;
        this.outbox = outbox;
        this.passwords = passwords;
        this.sessions = sessions;
        this.loginFailures = loginFailures;
        this.clock = clock;
        this.dummyHash = dummyHash;
    }

    @Transactional
    public void forgot(String rawEmail) {
        String email = AccountStore.normalizeEmail(rawEmail);
        // the same bcrypt work whether or not the address is known: the time of the answer tells nothing
        passwords.matches(email, dummyHash.value());
        var user = accounts.findByEmail(email);
        if (user.isPresent()) {
            String token = tokens.issue(user.get().id(), email, OneTimeTokens.Purpose.RESET_PASSWORD, VALID_FOR);
            outbox.enqueue(mails.passwordReset(user.get(), token));
        } else {
            tokens.newToken(); // and the same token making
        }
    }

    /**
     * Sets the new password and ends every login. The link was mailed to the account's address, so following it
     * proves that address too: it counts as verified from then on.
     */
    @Transactional(noRollbackFor = ApiException.class)
    public UserAccount reset(String token, String newPassword) {
        OneTimeTokens.Redeemed redeemed = tokens.redeem(token, OneTimeTokens.Purpose.RESET_PASSWORD);
        UserAccount user = accounts.findById(redeemed.userId()).orElseThrow(() ->
                new ApiException(HttpStatus.GONE, "GONE", "This account no longer exists"));
        accounts.changePassword(user.id(), passwords.encode(newPassword));
        accounts.markEmailVerified(user.id(), redeemed.email(), clock.instant());
        sessions.revokeAll(user.id());
        loginFailures.clear(user.email());
        return accounts.findById(user.id()).orElseThrow();
    }
}
