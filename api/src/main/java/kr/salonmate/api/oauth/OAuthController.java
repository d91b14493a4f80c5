package kr.salonmate.api.oauth;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import kr.salonmate.api.account.AuthController;
import kr.salonmate.api.error.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/v1/auth/oauth")
@EnableConfigurationProperties(OAuthProperties.class)
@Tag(name = "Auth", description = "Sign-up, login, token refresh and the public signing keys")
public class OAuthController {

    /** Ties the callback to the browser that started the sign-in (HttpOnly, only sent to these paths). */
    static final String STATE_COOKIE = "salonmate_oauth_state";
    private static final Logger log = LoggerFactory.getLogger(OAuthController.class);

    private final OAuthSignIn signIn;
    private final OAuthProperties properties;
    private final ProviderClients providers;

    OAuthController(OAuthSignIn signIn, OAuthProperties properties, ProviderClients providers) {
        this.signIn = signIn;
        this.properties = properties;
        this.providers = providers;
    }

    public record Providers(List<String> providers) {
    }

    @GetMapping("/providers")
    @Operation(summary = "The sign-in providers this server is configured for (the page shows only their buttons)")
    public Providers providers() {
        return new Providers(Arrays.stream(OAuthProvider.values()).filter(properties::configured)
                .map(OAuthProvider::path).toList());
    }

    @GetMapping("/{provider}/authorize")
    @Operation(summary = "Start signing in with Google or Kakao: 302 to the provider",
            description = "Authorization-code flow with state and PKCE S256; Google also gets an OpenID nonce. "
                    + "404 for a provider that is not configured")
    public ResponseEntity<Void> authorize(@PathVariable String provider) {
        OAuthProvider chosen = configured(provider);
        OAuthSignIn.Started started = signIn.start(chosen);
        ResponseCookie cookie = ResponseCookie.from(STATE_COOKIE, started.state()).httpOnly(true)
                .secure(providers.publicBaseUrl().startsWith("https:")).sameSite("Lax").path("/v1/auth/oauth/")
                .maxAge(OAuthSignIn.ATTEMPT_TTL).build();
        return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(started.authorizationUri()))
                .header(HttpHeaders.SET_COOKIE, cookie.toString()).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @GetMapping("/{provider}/callback")
    @Operation(summary = "Where the provider sends the browser back: 302 to /#/oauth?code=<one-time code>",
            description = "A bad, replayed or foreign state, a provider error or a refused link: 302 to "
                    + "/#/oauth?error=<INVALID_STATE|PROVIDER_ERROR|EMAIL_TAKEN|EMAIL_REQUIRED>. No token in any URL")
    public ResponseEntity<Void> callback(@PathVariable String provider, @RequestParam(required = false) String code,
                                         @RequestParam(required = false) String state,
                                         @RequestParam(required = false) String error, HttpServletRequest request) {
        OAuthProvider chosen = configured(provider);
        String outcome;
        try {
            if (error != null) {
                throw new SignInRefused("PROVIDER_ERROR", "the provider answered error=" + abbreviate(error));
            }
            outcome = "code=" + signIn.finish(chosen, code, state, browserState(request));
        } catch (SignInRefused refused) {
            log.info("{} sign-in refused: {} ({})", chosen, refused.code(), refused.getMessage());
            outcome = "error=" + refused.code();
        }
        ResponseCookie spent = ResponseCookie.from(STATE_COOKIE, "").httpOnly(true)
                .secure(providers.publicBaseUrl().startsWith("https:")).sameSite("Lax").path("/v1/auth/oauth/").maxAge(0).build();
        return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(providers.publicBaseUrl() + "/#/oauth?" + outcome))
                .header(HttpHeaders.SET_COOKIE, spent.toString()).header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Referrer-Policy", "no-referrer").build();
    }

    public record ExchangeRequest(@NotBlank @Size(max = 200) String code) {
        @Override
        public String toString() {
            return "ExchangeRequest[***]";
        }
    }

    public record ExchangeResponse(AuthController.UserBody user, String accessToken, String refreshToken,
                                   long expiresIn, boolean newUser) {
    }

    @PostMapping("/exchange")
    @Operation(summary = "Trade the one-time code from the callback (single use, 60 s) for a login",
            description = "newUser: the account was made by this sign-in and has no shop yet. "
                    + "A used, expired or unknown code: 410 GONE")
    public ExchangeResponse exchange(@Valid @RequestBody ExchangeRequest request) {
        OAuthSignIn.Exchanged session = signIn.exchange(request.code());
        return new ExchangeResponse(new AuthController.UserBody(session.user().id(), session.user().email(),
                session.user().name(), session.user().emailVerified()), session.tokens().accessToken(),
                session.tokens().refreshToken(), session.tokens().expiresIn(), session.newUser());
    }

    private OAuthProvider configured(String path) {
        return OAuthProvider.fromPath(path).filter(properties::configured).orElseThrow(() -> ApiException.notFound(
                "NOT_FOUND", "There is no sign-in with this provider here", Map.of("provider", abbreviate(path))));
    }

    private static String browserState(HttpServletRequest request) {
        if (request.getCookies() == null) {
            return null;
        }
        return Arrays.stream(request.getCookies()).filter(c -> STATE_COOKIE.equals(c.getName()))
                .map(Cookie::getValue).findFirst().orElse(null);
    }

    private static String abbreviate(String text) {
        String printable = text.replaceAll("[^A-Za-z0-9_.-]", "?");
        return printable.length() > 40 ? printable.substring(0, 40) + "…" : printable;
    }
}
