package kr.salonmate.api.account;

import kr.salonmate.api.error.ApiException;
import kr.salonmate.api.security.TokenService;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Signing in with e-mail and password, under the per-e-mail limit on failed attempts. */
@Service
public class PasswordLogin {

    /** Compared against when the e-mail is unknown, so a wrong e-mail costs as long as a wrong password. */
    private final DummyPasswordHash dummyHash;

    private final AccountStore accounts;
    private final PasswordEncoder passwords;
    private final TokenService tokens;
    private final LoginFailures failures;

    public PasswordLogin(AccountStore accounts, PasswordEncoder passwords, TokenService tokens,
                         LoginFailures failures, DummyPasswordHash dummyHash) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.tokens = tokens;
        this.failures = failures;
        this.dummyHash = dummyHash;
    }

    public record Session(UserAccount user, TokenService.Tokens tokens) {
    }

    /** A failure is counted even though the answer is an error: that is what the limit is made of. */
    @Transactional(noRollbackFor = ApiException.class)
    public Session login(String rawEmail, String password) {
        String email = AccountStore.normalizeEmail(rawEmail);
        failures.lock(email);
        failures.refuseIfLocked(email);
        var user = accounts.findByEmail(email);
        // an account made through Google or Kakao has no password: it is compared with the dummy too, and fails
        boolean matches = passwords.matches(password,
                user.map(UserAccount::passwordHash).filter(java.util.Objects::nonNull).orElseGet(dummyHash::value));
        if (user.isEmpty() || !matches) {
            failures.recordFailure(email);
            throw new ApiException(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "E-mail or password is not right");
        }
        failures.clear(email);
        return new Session(user.get(), tokens.startSession(user.get()));
    }
}
