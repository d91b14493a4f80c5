package kr.salonmate.api.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import kr.salonmate.api.support.HttpApi;
import kr.salonmate.api.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 item 5, the operations surface, on the shared application: metrics for operators only, CORS per
 * {@code SALONMATE_CORS_ALLOWED_ORIGINS} on the API and on {@code /ws}, and security headers on every response
 * (a Content-Security-Policy that lets the page load only its own scripts plus Toss's SDK, nosniff, no framing,
 * HSTS when the request came over TLS, also through a TLS-terminating proxy).
 */
class OperationsSurfaceTest extends IntegrationTest {

    private static final String STRANGER_ORIGIN = "https://evil.example";

    @Test
    void metricsAreForOperatorsOnly() {
        Owner owner = signUp("살롱 지표 보안");
        for (String path : List.of("/actuator/prometheus", "/actuator/metrics", "/actuator/metrics/jvm.memory.used")) {
            assertUnauthenticated(api.get(path, null), path);
            assertUnauthenticated(api.get(path, owner.token()), path + " with a user's access token");
            assertUnauthenticated(api.send("GET", path, null, null, Map.of("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString("prometheus:guess".getBytes(StandardCharsets.UTF_8)))),
                    path + " with a wrong password");
            HttpApi.Response operator = api.send("GET", path, null, null, Map.of("Authorization", METRICS_AUTHORIZATION));
            assertThat(operator.status()).as(path + " for the operator: " + operator.body()).isEqualTo(200);
        }
        // the pool is still measured behind the database circuit that wraps it
        assertThat(api.send("GET", "/actuator/prometheus", null, null, Map.of("Authorization", METRICS_AUTHORIZATION))
                .body()).contains("hikaricp_connections_active");
        // the metrics credentials open nothing else
        HttpApi.Response me = api.send("GET", "/v1/me", null, null, Map.of("Authorization", METRICS_AUTHORIZATION));
        assertThat(me.status()).isEqualTo(401);
        // what a load balancer probes stays open, and says nothing more than UP
        HttpApi.Response health = api.get("/actuator/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("status").asText()).isEqualTo("UP");
        assertThat(health.json().has("components")).isFalse();
    }

    private static void assertUnauthenticated(HttpApi.Response response, String what) {
        assertThat(response.status()).as(what).isEqualTo(401);
        assertThat(response.json().path("error").path("code").asText()).as(what).isEqualTo("UNAUTHENTICATED");
        assertThat(response.header("WWW-Authenticate")).as(what).startsWith("Basic");
        assertThat(response.body()).as(what).doesNotContain("jvm_", "http_server_requests");
    }

    @Test
    void anAllowedOriginMayCallTheApiAndAnyOtherIsRefused() {
        Owner owner = signUp("살롱 CORS");
        HttpApi.Response preflight = preflight(PARTNER_ORIGIN, "/v1/me", "GET");
        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(PARTNER_ORIGIN);
        assertThat(preflight.header("Access-Control-Allow-Headers")).containsIgnoringCase("authorization");
        assertThat(preflight.header("Access-Control-Allow-Credentials")).isNull();
        HttpApi.Response call = api.send("GET", "/v1/me", owner.token(), null, Map.of("Origin", PARTNER_ORIGIN));
        assertThat(call.status()).isEqualTo(200);
        assertThat(call.header("Access-Control-Allow-Origin")).isEqualTo(PARTNER_ORIGIN);
        assertThat(call.header("Access-Control-Expose-Headers")).contains("X-Request-Id");

        HttpApi.Response refusedPreflight = preflight(STRANGER_ORIGIN, "/v1/me", "GET");
        assertThat(refusedPreflight.status()).isEqualTo(403);
        assertThat(refusedPreflight.header("Access-Control-Allow-Origin")).isNull();
        HttpApi.Response refused = api.send("POST", "/v1/shops", owner.token(), Map.of("name", "남의 가게"),
                Map.of("Origin", STRANGER_ORIGIN));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("error").path("code").asText()).isEqualTo("FORBIDDEN");
        assertThat(refused.header("Access-Control-Allow-Origin")).isNull();
        HttpApi.Response shops = api.get("/v1/me", owner.token());
        assertThat(shops.json().path("memberships")).as("the refused call created nothing").hasSize(1);

        // the page itself calls from the server's own origin: not a CORS call at all
        HttpApi.Response sameOrigin = api.send("GET", "/v1/me", owner.token(), null, Map.of("Origin", api.baseUrl()));
        assertThat(sameOrigin.status()).isEqualTo(200);
    }

    private HttpApi.Response preflight(String origin, String path, String method) {
        return api.send("OPTIONS", path, null, null, Map.of("Origin", origin, "Access-Control-Request-Method", method,
                "Access-Control-Request-Headers", "authorization,content-type"));
    }

    @Test
    void theWebSocketOpensForTheOwnAndTheAllowedOriginsOnly() throws IOException {
        assertThat(handshake(api.baseUrl())).isEqualTo(101);
        assertThat(handshake(PARTNER_ORIGIN)).isEqualTo(101);
        assertThat(handshake(STRANGER_ORIGIN)).isEqualTo(403);
    }

    /** The status of a WebSocket upgrade of /ws sent with {@code origin}. */
    private int handshake(String origin) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /ws HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Protocol: v12.stomp\r\nOrigin: " + origin + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder statusLine = new StringBuilder();
            int c;
            while ((c = in.read()) != -1 && c != '\n') {
                statusLine.append((char) c);
            }
            return Integer.parseInt(statusLine.toString().split(" ")[1]);
        }
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        Owner owner = signUp("살롱 헤더");
        Map<String, HttpApi.Response> responses = Map.of(
                "the page", api.get("/", null),
                "index.html", api.get("/index.html", null),
                "a script", api.get("/js/main.js", null),
                "Swagger UI", api.get("/swagger-ui/index.html", null),
                "JSON", api.get("/v1/me", owner.token()),
                "an error", api.get("/v1/me", null),
                "a missing file", api.get("/no-such-page.html", null),
                "health", api.get("/actuator/health", null),
                "metrics refused", api.get("/actuator/prometheus", null));
        responses.forEach((what, response) -> {
            assertThat(response.header("X-Content-Type-Options")).as(what).isEqualTo("nosniff");
            assertThat(response.header("X-Frame-Options")).as(what).isEqualTo("DENY");
            assertThat(response.header("Content-Security-Policy")).as(what).contains("frame-ancestors 'none'");
            assertThat(response.header("Strict-Transport-Security")).as(what + " over plain HTTP").isNull();
        });
        for (String page : List.of("the page", "index.html", "a script", "Swagger UI")) {
            String csp = responses.get(page).header("Content-Security-Policy");
            assertThat(responses.get(page).status()).as(page).isEqualTo(200);
            assertThat(directive(csp, "script-src")).as(page).containsExactlyInAnyOrder("'self'",
                    "https://js.tosspayments.com");
            // Toss's own SDK opens its card window from Toss's other hosts
            assertThat(directive(csp, "frame-src")).as(page).containsExactlyInAnyOrder("'self'",
                    "https://js.tosspayments.com", "https://*.tosspayments.com");
            assertThat(directive(csp, "img-src")).as(page).contains("'self'", "data:");
            assertThat(csp).as(page).doesNotContain("unsafe-inline", "unsafe-eval");
        }
        assertThat(responses.get("JSON").header("Content-Security-Policy")).startsWith("default-src 'none'");
    }

    @Test
    void requestsRefusedBeforeTheApplicationCarryTheSecurityHeadersToo() throws IOException {
        // the container itself (a broken percent-escape) and Spring Security's firewall (a path parameter) refuse these
        for (String target : List.of("/v1/me%", "/v1/me;jsessionid=1")) {
            String head = rawHead("GET " + target + " HTTP/1.1");
            assertThat(head).as(target).startsWith("HTTP/1.1 400").containsIgnoringCase("X-Content-Type-Options: nosniff")
                    .containsIgnoringCase("X-Frame-Options: DENY").containsIgnoringCase("Content-Security-Policy: ");
        }
    }

    /** The status line and headers of a request sent over a raw socket (clients refuse to send broken targets). */
    private String rawHead(String requestLine) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String all = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return all.substring(0, Math.max(0, all.indexOf("\r\n\r\n")));
        }
    }

    @Test
    void hstsIsSentWhenTheRequestCameOverTlsThroughAProxy() {
        // a TLS-terminating proxy on the same host (loopback counts as the operator's own network) says https
        HttpApi.Response proxied = api.send("GET", "/", null, null, Map.of("X-Forwarded-Proto", "https"));
        assertThat(proxied.header("Strict-Transport-Security")).contains("max-age=31536000").contains("includeSubDomains");
        HttpApi.Response api = this.api.send("GET", "/v1/auth/jwks", null, null, Map.of("X-Forwarded-Proto", "https"));
        assertThat(api.header("Strict-Transport-Security")).contains("max-age=31536000");
        assertThat(this.api.get("/", null).header("Strict-Transport-Security")).isNull();
    }

    private static List<String> directive(String policy, String name) {
        for (String directive : policy.split(";")) {
            List<String> parts = List.of(directive.trim().split("\\s+"));
            if (parts.get(0).equals(name)) {
                return parts.subList(1, parts.size());
            }
        }
        throw new AssertionError(name + " missing in " + policy);
    }

}
