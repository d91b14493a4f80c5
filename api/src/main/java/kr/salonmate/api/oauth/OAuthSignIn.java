package kr.salonmate.api.oauth;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kr.salonmate.api.account.AccountStore;
import kr.salonmate.api.account.UserAccount;
import kr.salonmate.api.error.ApiException;
import kr.salonmate.api.security.SecretTokens;
import kr.salonmate.api.security.TokenService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signing in with Google or Kakao (see docs/accounts.md for the sequence). A sign-in attempt is a row keyed by the
 * SHA-256 of its {@code state}, holding the PKCE verifier and the nonce; the callback takes it (once), lets the
 * provider say who signed in, applies the linking rules, and leaves a one-time code (60 s) that the page trades for
 * tokens, so no token is ever in a URL.
 */
@Service
public class OAuthSignIn {

    static final Duration ATTEMPT_TTL = Duration.ofMinutes(10);
    static final Duration CODE_TTL = Duration.ofSeconds(60);
    private static final Logger log = LoggerFactory.getLogger(OAuthSignIn.class);

    private final JdbcTemplate jdbc;
    private final AccountStore accounts;
    private final TokenService tokens;
    private final ProviderClients providers;
    private final Clock clock;
    private final TransactionTemplate transactions;

    OAuthSignIn(JdbcTemplate jdbc, AccountStore accounts, TokenService tokens, ProviderClients providers, Clock clock,
                PlatformTransactionManager transactionManager) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.tokens = tokens;
        this.providers = providers;
        this.clock = clock;
    }

    /** A new attempt: its state (also set as a cookie by the controller) and where to send the browser. */
    record Started(String state, String authorizationUri) {
    }

    @Transactional
    Started start(OAuthProvider provider) {
        Instant now = clock.instant();
        jdbc.update("DELETE FROM oauth_login_attempt WHERE expires_at < ?", Timestamp.from(now));
        jdbc.update("DELETE FROM oauth_exchange_code WHERE expires_at < ?", Timestamp.from(now.minus(Duration.ofDays(1))));
        String state = SecretTokens.newToken();
        String verifier = SecretTokens.newToken() + SecretTokens.newToken(); // 86 chars of [A-Za-z0-9_-]: RFC 7636
        String nonce = SecretTokens.newToken();
        jdbc.update("""
                INSERT INTO oauth_login_attempt (state_hash, provider, code_verifier, nonce, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?)""", SecretTokens.hash(state), provider.name(), verifier, nonce,
                Timestamp.from(now), Timestamp.from(now.plus(ATTEMPT_TTL)));
        return new Started(state, providers.authorizationRequest(provider, state, verifier, nonce)
                .getAuthorizationRequestUri());
    }

    /**
     * The provider sent the browser back: take the attempt (single use; it must be this provider's, unexpired, and
     * the browser's own, the cookie), trade the code, link or create the account. Returns the one-time code.
     */
    String finish(OAuthProvider provider, String code, String state, String browserState) {
        if (state == null || state.isEmpty() || state.length() > 100) {
            throw new SignInRefused("INVALID_STATE", "no usable state");
        }
        Instant now = clock.instant();
        // one statement on its own (no transaction around the provider's round trip): taken even when the rest
        // fails, so a state works once
        List<String[]> attempt = jdbc.query("""
                        DELETE FROM oauth_login_attempt WHERE state_hash = ? RETURNING provider, code_verifier, nonce, expires_at""",
                (rs, i) -> new String[]{rs.getString(1), rs.getString(2), rs.getString(3),
                        String.valueOf(rs.getTimestamp(4).toInstant().isAfter(now))},
                SecretTokens.hash(state));
        if (attempt.isEmpty() || !attempt.get(0)[0].equals(provider.name()) || !"true".equals(attempt.get(0)[3])) {
            throw new SignInRefused("INVALID_STATE", "unknown, used, expired or another provider's state");
        }
        if (!state.equals(browserState)) {
            // the callback is not in the browser that started the sign-in (login CSRF: a link with someone else's code)
            throw new SignInRefused("INVALID_STATE", "the state is not this browser's");
        }
        if (code == null || code.isEmpty() || code.length() > 2048) {
            throw new SignInRefused("PROVIDER_ERROR", "no usable authorization code");
        }
        ProviderIdentity identity = providers.identify(provider, code, state, attempt.get(0)[1], attempt.get(0)[2]);
        String oneTime = SecretTokens.newToken();
        transactions.executeWithoutResult(tx -> {
            SignedIn signedIn = link(identity, now);
            jdbc.update("""
                    INSERT INTO oauth_exchange_code (code_hash, user_id, new_user, created_at, expires_at)
                    VALUES (?, ?, ?, ?, ?)""", SecretTokens.hash(oneTime), signedIn.userId(), signedIn.newUser(),
                    Timestamp.from(now), Timestamp.from(now.plus(CODE_TTL)));
        });
        return oneTime;
    }

    private record SignedIn(UUID userId, boolean newUser) {
    }

    /**
     * API.md's linking rules: a known identity signs in as its account; an unknown one with the address of an
     * account is linked to it only when the provider vouches for the address AND the account proved it too (else
     * {@code EMAIL_TAKEN}: no takeover through an unverified address); with a free address it makes a new account.
     */
    private SignedIn link(ProviderIdentity identity, Instant now) {
        Optional<UUID> known = jdbc.query("SELECT user_id FROM user_identity WHERE provider = ? AND subject = ?",
                (rs, i) -> rs.getObject(1, UUID.class), identity.provider().name(), identity.subject()).stream().findFirst();
        if (known.isPresent()) {
            return new SignedIn(known.get(), false);
        }
        if (identity.email() == null || identity.email().isBlank() || identity.email().length() > 254) {
            throw new SignInRefused("EMAIL_REQUIRED", identity.provider() + " shared no e-mail address");
        }
        String email = AccountStore.normalizeEmail(identity.email());
        Optional<UserAccount> account = accounts.findByEmail(email);
        if (account.isPresent()) {
            if (!identity.emailVerified() || !account.get().emailVerified()) {
                log.info("{} sign-in refused: the address of account {} is not verified on both sides",
                        identity.provider(), account.get().id());
                throw new SignInRefused("EMAIL_TAKEN", "the address belongs to an account that cannot be linked");
            }
            remember(identity, account.get().id(), email, now);
            return new SignedIn(account.get().id(), false);
        }
        String name = identity.name() == null || identity.name().isBlank() ? email.substring(0, email.indexOf('@'))
                : identity.name().strip();
        UserAccount user = new UserAccount(UUID.randomUUID(), email, name.length() > 100 ? name.substring(0, 100) : name,
                null, identity.locale(), false);
        try {
            accounts.insertUser(user, now);
        } catch (DuplicateKeyException raced) {
            throw new SignInRefused("EMAIL_TAKEN", "the address was taken meanwhile");
        }
        if (identity.emailVerified()) {
            accounts.markEmailVerified(user.id(), email, now);
        }
        remember(identity, user.id(), email, now);
        log.info("{} sign-in made account {}", identity.provider(), user.id());
        return new SignedIn(user.id(), true);
    }

    private void remember(ProviderIdentity identity, UUID userId, String email, Instant now) {
        jdbc.update("""
                INSERT INTO user_identity (provider, subject, user_id, email, created_at) VALUES (?, ?, ?, ?, ?)""",
                identity.provider().name(), identity.subject(), userId, email, Timestamp.from(now));
    }

    /** A login for the holder of a one-time code; the code works once, within 60 s. */
    public record Exchanged(UserAccount user, TokenService.Tokens tokens, boolean newUser) {
    }

    @Transactional
    public Exchanged exchange(String code) {
        Timestamp now = Timestamp.from(clock.instant());
        List<Object[]> used = jdbc.query("""
                        UPDATE oauth_exchange_code SET used_at = ?
                        WHERE code_hash = ? AND used_at IS NULL AND expires_at > ? RETURNING user_id, new_user""",
                (rs, i) -> new Object[]{rs.getObject(1, UUID.class), rs.getBoolean(2)},
                now, SecretTokens.hash(code), now);
        if (used.isEmpty()) {
            throw new ApiException(HttpStatus.GONE, "GONE",
                    "This sign-in code is not valid any more: it was used, it expired, or it never existed; sign in again",
                    java.util.Map.of());
        }
        UserAccount user = accounts.findById((UUID) used.get(0)[0]).orElseThrow(() -> new ApiException(HttpStatus.GONE,
                "GONE", "The account of this sign-in code is gone", java.util.Map.of()));
        return new Exchanged(user, tokens.startSession(user), (Boolean) used.get(0)[1]);
    }
}
