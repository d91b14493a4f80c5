package kr.salonmate.api.account;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import kr.salonmate.api.error.ApiException;
import kr.salonmate.api.security.JwtKeys;
import kr.salonmate.api.security.TokenService;
import kr.salonmate.api.shop.ShopRegistration;
import kr.salonmate.messages.shop.ShopId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/v1/auth")
@Tag(name = "Auth", description = "Sign-up, login, token refresh and the public signing keys")
public class AuthController {

    private final AccountStore accounts;
    private final PasswordEncoder passwords;
    private final TokenService tokens;
    private final PasswordLogin logins;
    private final EmailVerification verification;
    private final SignedInCaller caller;
    private final ShopRegistration shops;
    private final JwtKeys keys;
    private final Clock clock;

    public AuthController(AccountStore accounts, PasswordEncoder passwords, TokenService tokens, PasswordLogin logins,
                          EmailVerification verification, SignedInCaller caller, ShopRegistration shops, JwtKeys keys,
                          Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.tokens = tokens;
        this.logins = logins;
        this.verification = verification;
        this.caller = caller;
        this.shops = shops;
        this.keys = keys;
        this.clock = clock;
    }

    public record SignupRequest(@NotBlank @Email @Size(max = 254) String email,
                                @NotNull @Size(min = 10, max = 128) String password,
                                @NotBlank @Size(max = 100) String name,
                                @NotBlank @Size(max = 100) String shopName,
                                @Size(max = 64) String timezone,
                                @Pattern(regexp = "ko|en", message = "must be ko or en") String locale) {
        @Override
        public String toString() {
            return "SignupRequest[email=" + email + "]";
        }
    }

    public record LoginRequest(@NotBlank @Size(max = 254) String email, @NotNull @Size(max = 128) String password) {
        @Override
        public String toString() {
            return "LoginRequest[email=" + email + "]";
        }
    }

    public record RefreshRequest(@NotBlank @Size(max = 200) String refreshToken) {
        @Override
        public String toString() {
            return "RefreshRequest[***]";
        }
    }

    public record UserBody(UUID id, String email, String name, boolean emailVerified) {
        static UserBody of(UserAccount user) {
            return new UserBody(user.id(), user.email(), user.name(), user.emailVerified());
        }
    }

    public record ShopBody(UUID id, String name) {
    }

    public record SignupResponse(UserBody user, ShopBody shop, String accessToken, String refreshToken,
                                 long expiresIn) {
    }

    public record SessionResponse(UserBody user, String accessToken, String refreshToken, long expiresIn) {
    }

    @PostMapping("/signup")
    @Transactional
    @Operation(summary = "Create an account with its first shop; the caller becomes the shop's OWNER",
            description = "A verification mail (single-use link, 24 h) goes to the address; mails are in the locale")
    public ResponseEntity<SignupResponse> signup(@Valid @RequestBody SignupRequest request) {
        String timezone = ShopRegistration.timezoneOrDefault(request.timezone());
        if (request.password().getBytes(StandardCharsets.UTF_8).length > 72) {
            throw ApiException.validation("password", "must be at most 72 bytes");
        }
        String email = AccountStore.normalizeEmail(request.email());
        if (accounts.emailTaken(email)) {
            throw emailTaken();
        }
        String locale = request.locale() == null ? "ko" : request.locale();
        UserAccount user = UserAccount.newAccount(UUID.randomUUID(), email, request.name().strip(),
                passwords.encode(request.password()), locale);
        try {
            accounts.insertUser(user, clock.instant());
        } catch (DuplicateKeyException raced) {
            throw emailTaken();
        }
        verification.mailLink(user);
        ShopId shopId = shops.register(request.shopName(), timezone, locale, user.id(), user.name());
        TokenService.Tokens session = tokens.startSession(user);
        return ResponseEntity.status(HttpStatus.CREATED).body(new SignupResponse(UserBody.of(user),
                new ShopBody(shopId.value(), request.shopName().strip()), session.accessToken(),
                session.refreshToken(), session.expiresIn()));
    }

    @PostMapping("/login")
    @Operation(summary = "Exchange e-mail and password for an access and a refresh token",
            description = "Five failed logins for one e-mail within 15 minutes: 429 RATE_LIMITED for that e-mail "
                    + "until the window passes; a success resets the count")
    public SessionResponse login(@Valid @RequestBody LoginRequest request) {
        PasswordLogin.Session session = logins.login(request.email(), request.password());
        return new SessionResponse(UserBody.of(session.user()), session.tokens().accessToken(),
                session.tokens().refreshToken(), session.tokens().expiresIn());
    }

    @PostMapping("/refresh")
    @Operation(summary = "Rotate a refresh token; a reused one revokes the whole login")
    public SessionResponse refresh(@Valid @RequestBody RefreshRequest request) {
        UserAccount[] holder = new UserAccount[1];
        TokenService.Tokens session = tokens.refresh(request.refreshToken(), userId -> {
            holder[0] = accounts.findById(userId).orElseThrow(() ->
                    new ApiException(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "The refresh token is not valid"));
            return holder[0];
        });
        return new SessionResponse(UserBody.of(holder[0]), session.accessToken(), session.refreshToken(),
                session.expiresIn());
    }

    @PostMapping("/logout")
    @Operation(summary = "End the login that this refresh token belongs to")
    public ResponseEntity<Void> logout(@Valid @RequestBody RefreshRequest request) {
        tokens.logout(request.refreshToken());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/logout-all")
    @Operation(summary = "End every login of the signed-in user: all their refresh tokens stop working",
            description = "Access tokens already handed out stay valid until they expire (at most 15 minutes)")
    public ResponseEntity<Void> logoutAll(HttpServletRequest request) {
        tokens.revokeAll(caller.id(request));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/jwks")
    @Operation(summary = "The public keys that verify access tokens (JWKS)")
    public Map<String, Object> jwks() {
        return keys.publicJwks().toJSONObject();
    }

    private static ApiException emailTaken() {
        return new ApiException(HttpStatus.CONFLICT, "EMAIL_TAKEN", "An account with this e-mail already exists");
    }
}
