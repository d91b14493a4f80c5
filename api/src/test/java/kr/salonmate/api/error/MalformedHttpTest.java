package kr.salonmate.api.error;

import static kr.salonmate.api.support.Errors.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.salonmate.api.support.HttpApi;
import kr.salonmate.api.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Requests that are refused before any controller sees them (by the servlet container or by the security
 * firewall) still get the documented envelope with an X-Request-Id, never a container HTML page.
 */
class MalformedHttpTest extends IntegrationTest {

    private static Owner owner;

    @BeforeEach
    void shareOneOwner() {
        if (owner == null) {
            owner = signUp("살롱 이상한 요청");
        }
    }

    /** Sends {@code head} (request line and headers, CRLF-separated, without the blank line) over a raw socket. */
    private HttpApi.Response raw(String head) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((head + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            String[] lines = text.substring(0, split).split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.computeIfAbsent(lines[i].substring(0, colon).trim(), k -> new ArrayList<>())
                        .add(lines[i].substring(colon + 1).trim());
            }
            String body = text.substring(split + 4);
            if ("chunked".equalsIgnoreCase(headers.getOrDefault("Transfer-Encoding", List.of("")).get(0))) {
                body = dechunk(body);
            }
            return new HttpApi.Response(status, body, headers);
        }
    }

    private static String dechunk(String chunked) {
        StringBuilder body = new StringBuilder();
        byte[] bytes = chunked.getBytes(StandardCharsets.UTF_8);
        int at = 0;
        while (true) {
            int lineEnd = indexOf(bytes, at);
            int size = Integer.parseInt(new String(bytes, at, lineEnd - at, StandardCharsets.US_ASCII).trim(), 16);
            if (size == 0) {
                return body.toString();
            }
            body.append(new String(bytes, lineEnd + 2, size, StandardCharsets.UTF_8));
            at = lineEnd + 2 + size + 2;
        }
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length - 1; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        throw new IllegalStateException("no CRLF");
    }

    @Test
    void theRawClientWorks() throws IOException {
        HttpApi.Response me = raw("GET /v1/me HTTP/1.1\r\nAuthorization: Bearer " + owner.token());
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.json().path("user").path("id").asText()).isEqualTo(owner.userId());
    }

    @Test
    void headersBeyondWhatTheServerAcceptsGetTheEnvelope() throws IOException {
        // request headers are limited to 8 KiB in all; a 10,000-character token is refused before security sees it
        assertError(api.get("/v1/me", "x".repeat(10_000)), 400, "MALFORMED_REQUEST");
        assertError(raw("GET /v1/me HTTP/1.1\r\nAuthorization: Bearer " + "x".repeat(100_000)), 400,
                "MALFORMED_REQUEST");
        assertError(api.send("GET", "/v1/me", owner.token(), null, Map.of("X-Filler", "x".repeat(10_000))), 400,
                "MALFORMED_REQUEST");
    }

    @Test
    void malformedRequestTargetsGetTheEnvelope() throws IOException {
        for (String target : new String[]{"/v1/shops/%zz", "/v1/me%", "/v1/shops/%00/reviews"}) {
            HttpApi.Response response = raw("GET " + target + " HTTP/1.1\r\nAuthorization: Bearer " + owner.token());
            assertError(response, 400, "MALFORMED_REQUEST");
        }
    }

    @Test
    void methodsNobodyServesGetTheEnvelope() throws IOException {
        // TRACE is refused by the container itself, PATCH by Spring MVC; both answer 405 with the envelope
        assertError(api.send("TRACE", "/v1/me", owner.token(), null, Map.of()), 405, "METHOD_NOT_ALLOWED");
        assertError(raw("TRACE /v1/me HTTP/1.1\r\nX-Request-Id: trace-me"), 405, "METHOD_NOT_ALLOWED");
        assertError(api.send("PATCH", owner.shop("/reply-settings"), owner.token(), "{}", Map.of()), 405,
                "METHOD_NOT_ALLOWED");
        // a method nobody has heard of is refused by the security firewall as malformed
        assertError(raw("BREW /v1/me HTTP/1.1\r\nAuthorization: Bearer " + owner.token()), 400, "MALFORMED_REQUEST");
    }

    @Test
    void pathsTheFirewallRefusesGetTheEnvelope() throws IOException {
        for (String target : new String[]{"/v1/me;jsessionid=1", "/v1//me", "/v1/shops/%2e%2e/me",
                "/v1/shops/%2F/reviews"}) {
            HttpApi.Response response = raw("GET " + target + " HTTP/1.1\r\nAuthorization: Bearer " + owner.token());
            assertError(response, 400, "MALFORMED_REQUEST");
            assertThat(response.body()).as(target).doesNotContain(owner.userId());
        }
    }
}
