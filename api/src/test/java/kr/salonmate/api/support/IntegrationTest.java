package kr.salonmate.api.support;

import java.util.Map;
import java.util.UUID;
import kr.salonmate.api.SalonMateApplication;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The whole application on a random port, on a fresh PostgreSQL database, with Google played by
 * {@link FakeGoogle} and Instagram by {@link FakeInstagram} over HTTP; photos in the local-directory store. Every test class shares one application context (and so one database):
 * tests isolate themselves by signing up their own users and shops.
 */
@SpringBootTest(classes = SalonMateApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // tests sign up hundreds of users from one address and poll read models: the limits are RateLimitTest's
        // (its @DynamicPropertySource wins over these)
        properties = {"salonmate.rate-limit.default=0", "salonmate.rate-limit.auth=0", "salonmate.rate-limit.ai=0",
                // several application contexts live side by side in one test run: give idle connections back soon
                "spring.datasource.hikari.minimum-idle=2", "spring.datasource.hikari.idle-timeout=10000",
                // tests draft freely in their shops; the quota is BillingApiTest's (its @DynamicPropertySource wins)
                "salonmate.plan.free-ai-quota=1000000",
                // the database comes from @DynamicPropertySource, which the start-up's environment post-processor
                // does not see yet: without this it started an embedded PostgreSQL in ./data for nothing, in every
                // test JVM (seconds of CPU, and a context that failed when that start timed out on a busy machine)
                "salonmate.embedded-database.enabled=false"})
public abstract class IntegrationTest {

    protected static final TestDatabase.Database DATABASE = TestDatabase.create("it");
    protected static final FakeGoogle GOOGLE = new FakeGoogle();
    protected static final FakeInstagram INSTAGRAM = new FakeInstagram();
    protected static final FakeSignInProviders SIGN_IN = new FakeSignInProviders();
    public static final String ADMIN_EMAIL = "operator@salonmate.test";
    protected static final String OPERATOR_PASSWORD = "operator password 1";
    /** Listed as an operator too; EmailVerificationTest shows it is no ADMIN until the address is verified. */
    public static final String LISTED_ADMIN_EMAIL = "listed-operator@salonmate.test";
    /** Another web origin allowed to call the API and open /ws (SALONMATE_CORS_ALLOWED_ORIGINS). */
    public static final String PARTNER_ORIGIN = "https://partner.salon.test";
    /** The Authorization header of a scrape of /actuator/prometheus and /actuator/metrics (operators only). */
    public static final String METRICS_AUTHORIZATION = "Basic " + java.util.Base64.getEncoder().encodeToString(
            "prometheus:scrape-secret".getBytes(java.nio.charset.StandardCharsets.UTF_8));

    @LocalServerPort
    protected int port;

    protected HttpApi api;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        // a placeholder, so that a subclass with a database of its own can name it: Spring runs a subclass's
        // @DynamicPropertySource before this one, so this one would win any property both of them set
        registry.add("spring.datasource.url", () -> "${salonmate.test.database-url:" + DATABASE.url() + "}");
        registry.add("spring.datasource.username", DATABASE::username);
        registry.add("spring.datasource.password", DATABASE::password);
        registry.add("salonmate.google.api-base-url", GOOGLE::baseUrl);
        registry.add("salonmate.google.token-url", GOOGLE::tokenUrl);
        registry.add("salonmate.sync.enabled", () -> "false");
        registry.add("salonmate.publish.initial-backoff", () -> "PT0.2S");
        registry.add("salonmate.draft.initial-backoff", () -> "PT0.2S");
        registry.add("salonmate.data-dir", TestDataDir.PATH::toString);
        registry.add("salonmate.crypto.key", () -> "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
        registry.add("salonmate.admin-emails", () -> ADMIN_EMAIL + "," + LISTED_ADMIN_EMAIL);
        registry.add("salonmate.instagram.api-base-url", INSTAGRAM::baseUrl);
        registry.add("salonmate.instagram.initial-backoff", () -> "PT0.3S");
        registry.add("salonmate.instagram.status-poll-interval", () -> "PT0.2S");
        registry.add("salonmate.instagram.max-status-polls", () -> "4");
        registry.add("salonmate.public-base-url", () -> "http://127.0.0.1:${local.server.port}");
        registry.add("salonmate.oauth.google.authorize-url", () -> SIGN_IN.url("/google/o/oauth2/v2/auth"));
        registry.add("salonmate.oauth.google.token-url", () -> SIGN_IN.url("/google/token"));
        registry.add("salonmate.oauth.google.jwks-url", () -> SIGN_IN.url("/google/certs"));
        registry.add("salonmate.oauth.google.issuer", SIGN_IN::googleIssuer);
        registry.add("salonmate.oauth.google.client-id", () -> FakeSignInProviders.GOOGLE_CLIENT_ID);
        registry.add("salonmate.oauth.google.client-secret", () -> FakeSignInProviders.GOOGLE_CLIENT_SECRET);
        registry.add("salonmate.oauth.kakao.authorize-url", () -> SIGN_IN.url("/kakao/oauth/authorize"));
        registry.add("salonmate.oauth.kakao.token-url", () -> SIGN_IN.url("/kakao/token"));
        registry.add("salonmate.oauth.kakao.api-base-url", () -> SIGN_IN.url("/kakao"));
        registry.add("salonmate.oauth.kakao.client-id", () -> FakeSignInProviders.KAKAO_CLIENT_ID);
        registry.add("salonmate.oauth.kakao.client-secret", () -> FakeSignInProviders.KAKAO_CLIENT_SECRET);
        registry.add("salonmate.audit.export-chunk", () -> "7"); // exports cross many chunks even in small tests
        registry.add("salonmate.cors.allowed-origins", () -> PARTNER_ORIGIN);
        registry.add("salonmate.metrics.password", () -> "scrape-secret");
    }

    @BeforeEach
    void connectApi() {
        api = new HttpApi("http://127.0.0.1:" + port);
    }

    /** A new owner with a new shop. */
    protected Owner signUp(String shopName) {
        String email = "owner-" + UUID.randomUUID() + "@salon.test";
        HttpApi.Response response = api.post("/v1/auth/signup", null, Map.of(
                "email", email, "password", "correct horse battery", "name", "김사장",
                "shopName", shopName, "timezone", "Asia/Seoul", "locale", "ko"));
        if (response.status() != 201) {
            throw new AssertionError("sign-up failed: " + response.status() + " " + response.body());
        }
        JsonNode body = response.json();
        return new Owner(body.path("user").path("id").asText(), email, body.path("shop").path("id").asText(),
                body.path("accessToken").asText(), body.path("refreshToken").asText());
    }

    /**
     * The operator's ({@link #ADMIN_EMAIL}) access token. The first test of a database to ask signs the operator up and
     * follows the link of that sign-up's own verification mail (a listed address is no ADMIN until verified); every
     * later one logs in. So no test depends on another having run before it in the same JVM.
     */
    protected String operatorToken() {
        int mailsBefore = Mails.emlTo(Mails.TEST_OUTBOX, ADMIN_EMAIL).size();
        HttpApi.Response signup = api.post("/v1/auth/signup", null, Map.of("email", ADMIN_EMAIL,
                "password", OPERATOR_PASSWORD, "name", "Operator", "shopName", "ops"));
        if (signup.status() == 201) {
            // this sign-up's mail, not an older one to the same address from another test context of this JVM
            String token = Mails.token(Mails.awaitEml(Mails.TEST_OUTBOX, ADMIN_EMAIL, mailsBefore + 1), "verify-email");
            HttpApi.Response verified = api.post("/v1/auth/verify-email", null, Map.of("token", token));
            if (verified.status() != 200) {
                throw new AssertionError("operator verification failed: " + verified.status() + " " + verified.body());
            }
        }
        HttpApi.Response session = api.post("/v1/auth/login", null,
                Map.of("email", ADMIN_EMAIL, "password", OPERATOR_PASSWORD));
        if (session.status() != 200 || !session.json().path("user").path("emailVerified").asBoolean()) {
            throw new AssertionError("operator login failed: " + session.status() + " " + session.body());
        }
        return session.json().path("accessToken").asText();
    }

    /** Verifies an owner's e-mail by following the link of the verification mail (the local .eml default). */
    protected void verifyEmail(String email) {
        String token = Mails.awaitEmlToken(Mails.TEST_OUTBOX, email, "verify-email");
        HttpApi.Response verified = api.post("/v1/auth/verify-email", null, Map.of("token", token));
        if (verified.status() != 200) {
            throw new AssertionError("verification failed: " + verified.status() + " " + verified.body());
        }
    }

    public record Owner(String userId, String email, String shopId, String token, String refreshToken) {
        public String shop(String path) {
            return "/v1/shops/" + shopId + path;
        }
    }
}
