package kr.salonmate.api.support;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;

/**
 * Google's and Kakao's sign-in played by a real HTTP server on loopback, in their wire formats: Google's token
 * endpoint answers with an RS256-signed OpenID Connect ID token whose key is published at the JWKS URL; Kakao's token
 * endpoint answers with an access token that {@code GET /v2/user/me} takes. Both check the authorization code, the
 * client credentials, the redirect URI and the PKCE verifier against the S256 challenge, as the real ones do.
 * The test plays the browser: it reads the authorization request and calls {@link #consent} for a code.
 */
public final class FakeSignInProviders implements AutoCloseable {

    public static final String GOOGLE_CLIENT_ID = "salonmate-test.apps.googleusercontent.com";
    public static final String GOOGLE_CLIENT_SECRET = "google-login-secret";
    public static final String KAKAO_CLIENT_ID = "kakao-rest-api-key";
    public static final String KAKAO_CLIENT_SECRET = "kakao-client-secret";

    /** Who consents at the provider: its id for the person, the address, whether it vouches for it, a name. */
    public record Person(String subject, String email, boolean emailVerified, String name) {
        public static Person fresh(boolean emailVerified) {
            String id = UUID.randomUUID().toString();
            return new Person(id, "social-" + id + "@salon.test", emailVerified, "소셜 손님");
        }

        /** Kakao's ids are numbers. */
        public static Person kakao(boolean emailVerified) {
            String id = String.valueOf(1_000_000_000L + (long) (Math.random() * 8_000_000_000L));
            return new Person(id, "kakao-" + id + "@salon.test", emailVerified, "카카오 손님");
        }
    }

    private record Grant(String provider, Person person, String challenge, String redirectUri, String nonce,
                         UnaryOperator<JWTClaimsSet.Builder> idToken, RSAKey signer) {
    }

    private final HttpServer server;
    private final RSAKey googleKey;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final Map<String, Person> kakaoTokens = new ConcurrentHashMap<>();
    /** What the token endpoints and the user API were sent, for assertions: "provider form" lines. */
    private final List<String> requests = new CopyOnWriteArrayList<>();
    /** Who consents when a browser comes to the authorization endpoint (browser tests); null: nobody is there. */
    private volatile Person browserPerson;

    public FakeSignInProviders() {
        try {
            googleKey = new RSAKeyGenerator(2048).keyID("google-key-1").generate();
            server = FakeHttpServers.onLoopback(0);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/google/token", exchange -> token(exchange, "google"));
        server.createContext("/google/certs", exchange -> respond(exchange, 200,
                new JWKSet(googleKey.toPublicJWK()).toString(true)));
        server.createContext("/kakao/token", exchange -> token(exchange, "kakao"));
        server.createContext("/kakao/v2/user/me", this::kakaoMe);
        server.createContext("/google/o/oauth2/v2/auth", this::authorize);
        server.createContext("/kakao/oauth/authorize", this::authorize);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public String googleIssuer() {
        return "https://accounts.google.test";
    }

    /** An RSA key Google never published: ID tokens signed with it must be refused. */
    public static RSAKey foreignKey() {
        try {
            return new RSAKeyGenerator(2048).keyID("google-key-1").generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The person consents to the authorization request the application sent the browser to; returns the code the
     * provider hands back. {@code idToken} may tamper with the ID token's claims; {@code signer} sign it with
     * another key.
     */
    public String consent(String authorizationUri, Person person, UnaryOperator<JWTClaimsSet.Builder> idToken,
                          RSAKey signer) {
        Map<String, String> query = query(URI.create(authorizationUri).getRawQuery());
        String provider = authorizationUri.contains("/google/") ? "google" : "kakao";
        String code = "code-" + UUID.randomUUID();
        codes.put(code, new Grant(provider, person, query.get("code_challenge"), query.get("redirect_uri"),
                query.get("nonce"), idToken, signer == null ? googleKey : signer));
        return code;
    }

    public String consent(String authorizationUri, Person person) {
        return consent(authorizationUri, person, claims -> claims, null);
    }

    /** The person who signs in at the provider's own page when a real browser is sent there. */
    public void signInAtProviderPage(Person person) {
        browserPerson = person;
    }

    /** The provider's consent page, for a browser: the person consents at once and is sent back with a code. */
    private void authorize(HttpExchange exchange) throws IOException {
        Person person = browserPerson;
        URI uri = exchange.getRequestURI();
        Map<String, String> query = query(uri.getRawQuery());
        if (person == null || query.get("redirect_uri") == null) {
            respond(exchange, 400, "{\"error\":\"invalid_request\"}");
            return;
        }
        String code = consent(url(uri.getPath()) + "?" + uri.getRawQuery(), person);
        exchange.getResponseHeaders().set("Location", query.get("redirect_uri") + "?code=" + code + "&state="
                + java.net.URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8));
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    public List<String> requests() {
        return List.copyOf(requests);
    }

    private void token(HttpExchange exchange, String provider) throws IOException {
        Map<String, String> form = query(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        requests.add(provider + " " + form);
        String clientId = provider.equals("google") ? GOOGLE_CLIENT_ID : KAKAO_CLIENT_ID;
        String secret = provider.equals("google") ? GOOGLE_CLIENT_SECRET : KAKAO_CLIENT_SECRET;
        if (!clientId.equals(form.get("client_id")) || !secret.equals(form.get("client_secret"))) {
            respond(exchange, 401, "{\"error\":\"invalid_client\",\"error_description\":\"Unauthorized\"}");
            return;
        }
        Grant grant = form.get("code") == null ? null : codes.remove(form.get("code"));
        if (!"authorization_code".equals(form.get("grant_type")) || grant == null || !grant.provider().equals(provider)
                || !grant.redirectUri().equals(form.get("redirect_uri"))
                || form.get("code_verifier") == null || !s256(form.get("code_verifier")).equals(grant.challenge())) {
            respond(exchange, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"Bad Request\"}");
            return;
        }
        String accessToken = "access-" + UUID.randomUUID();
        if (provider.equals("kakao")) {
            kakaoTokens.put(accessToken, grant.person());
            respond(exchange, 200, "{\"token_type\":\"bearer\",\"access_token\":\"" + accessToken + "\",\"expires_in\":21599,"
                    + "\"refresh_token\":\"kakao-refresh\",\"refresh_token_expires_in\":5183999,"
                    + "\"scope\":\"account_email profile_nickname\"}");
            return;
        }
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(googleIssuer()).audience(GOOGLE_CLIENT_ID)
                .subject(grant.person().subject()).issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(3600)))
                .claim("azp", GOOGLE_CLIENT_ID).claim("nonce", grant.nonce()).claim("email", grant.person().email())
                .claim("email_verified", grant.person().emailVerified()).claim("name", grant.person().name())
                .claim("locale", "en");
        try {
            SignedJWT idToken = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(grant.signer().getKeyID())
                    .type(JOSEObjectType.JWT).build(), grant.idToken().apply(claims).build());
            idToken.sign(new RSASSASigner(grant.signer()));
            respond(exchange, 200, "{\"access_token\":\"" + accessToken + "\",\"expires_in\":3599,\"token_type\":\"Bearer\","
                    + "\"scope\":\"openid email profile\",\"id_token\":\"" + idToken.serialize() + "\"}");
        } catch (Exception e) {
            respond(exchange, 500, "{\"error\":\"server_error\"}");
        }
    }

    private void kakaoMe(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        requests.add("kakao me " + authorization);
        Person person = authorization == null ? null : kakaoTokens.get(authorization.replaceFirst("^Bearer ", ""));
        if (person == null) {
            respond(exchange, 401, "{\"msg\":\"this access token does not exist\",\"code\":-401}");
            return;
        }
        Map<String, Object> account = new LinkedHashMap<>();
        account.put("profile_nickname_needs_agreement", false);
        account.put("profile", Map.of("nickname", person.name(), "is_default_nickname", false));
        if (person.email() != null) {
            account.put("has_email", true);
            account.put("email_needs_agreement", false);
            account.put("is_email_valid", true);
            account.put("is_email_verified", person.emailVerified());
            account.put("email", person.email());
        }
        respond(exchange, 200, Json.write(Map.of("id", Long.parseLong(person.subject()),
                "connected_at", "2026-12-01T01:02:03Z", "kakao_account", account)));
    }

    public static Map<String, String> query(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            values.put(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    private static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
