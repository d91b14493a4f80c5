package kr.salonmate.api.idempotency;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.salonmate.api.error.ApiError;
import kr.salonmate.api.error.BodySizeLimitFilter;
import kr.salonmate.api.error.ReadBodyRequest;
import kr.salonmate.api.error.RequestIdFilter;
import kr.salonmate.api.security.CurrentUser;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code Idempotency-Key} on POST: the same key from the same user on the same endpoint with the same body
 * within 24 hours answers with the first response and does the work once; the same key with another body is
 * {@code 409 CONFLICT}. A record is claimed before the work starts, so two concurrent retries cannot both do
 * it. Failures on our side (5xx) release the key so that the client can try again.
 */
@Component
@Order(0) // after Spring Security, which knows the user
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    static final Duration RETENTION = Duration.ofHours(24);

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    public IdempotencyFilter(JdbcTemplate jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String contentType = request.getContentType();
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        UUID userId = CurrentUser.idOfRequest();
        if (userId == null) {
            chain.doFilter(request, response); // unauthenticated: the endpoint itself answers (401 or auth flow)
            return;
        }
        if (key.isEmpty() || key.length() > 64) {
            reject(request, response, 400, "VALIDATION_FAILED", "Idempotency-Key must be 1 to 64 characters",
                    Map.of("fields", Map.of(HEADER, "must be 1 to 64 characters")));
            return;
        }
        boolean multipart = request.getContentType() != null
                && request.getContentType().toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
        byte[] body = null;
        String hash;
        if (multipart) {
            // the boundary differs on every retry, so the same upload is recognised by its parts, which the
            // container has already parsed (and spooled to disk): hashed as streams, never held in memory
            hash = MultipartFingerprint.of(request);
            if (hash == null) {
                chain.doFilter(request, response); // not parseable: the endpoint answers with its own error
                return;
            }
        } else {
            int limit = (int) BodySizeLimitFilter.limitFor(request.getContentType());
            body = request.getInputStream().readNBytes(limit + 1);
            if (body.length > limit) {
                reject(request, response, 413, "PAYLOAD_TOO_LARGE", "The body is too large");
                return;
            }
            hash = sha256(body);
        }
        String endpoint = request.getRequestURI();
        Instant now = clock.instant();
        jdbc.update("DELETE FROM idempotency_record WHERE user_id = ? AND endpoint = ? AND idem_key = ? AND created_at < ?",
                userId, endpoint, key, Timestamp.from(now.minus(RETENTION)));
        int claimed = jdbc.update("""
                INSERT INTO idempotency_record (user_id, endpoint, idem_key, request_hash, created_at)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""", userId, endpoint, key, hash, Timestamp.from(now));
        if (claimed == 0) {
            replay(request, response, userId, endpoint, key, hash);
            return;
        }
        ContentCachingResponseWrapper recorder = new ContentCachingResponseWrapper(response);
        boolean completed = false;
        try {
            chain.doFilter(multipart ? request : new ReadBodyRequest(request, body), recorder);
            completed = true;
        } finally {
            if (completed && recorder.getStatus() < 500) {
                jdbc.update("""
                        UPDATE idempotency_record SET status = ?, content_type = ?, response_body = ?
                        WHERE user_id = ? AND endpoint = ? AND idem_key = ?""",
                        recorder.getStatus(), recorder.getContentType(), recorder.getContentAsByteArray(),
                        userId, endpoint, key);
            } else {
                jdbc.update("DELETE FROM idempotency_record WHERE user_id = ? AND endpoint = ? AND idem_key = ?",
                        userId, endpoint, key);
            }
            recorder.copyBodyToResponse();
        }
    }

    private void replay(HttpServletRequest request, HttpServletResponse response, UUID userId, String endpoint,
                        String key, String hash) throws IOException {
        List<Map<String, Object>> rows = jdbc.queryForList("""
                SELECT request_hash, status, content_type, response_body FROM idempotency_record
                WHERE user_id = ? AND endpoint = ? AND idem_key = ?""", userId, endpoint, key);
        if (rows.isEmpty()) {
            reject(request, response, 409, "CONFLICT", "This Idempotency-Key was just released; send the request again");
            return;
        }
        Map<String, Object> row = rows.get(0);
        if (!hash.equals(row.get("request_hash"))) {
            reject(request, response, 409, "CONFLICT",
                    "This Idempotency-Key was already used with a different request body");
            return;
        }
        if (row.get("status") == null) {
            reject(request, response, 409, "CONFLICT", "A request with this Idempotency-Key is still being processed");
            return;
        }
        response.setStatus((Integer) row.get("status"));
        if (row.get("content_type") != null) {
            response.setContentType((String) row.get("content_type"));
        }
        response.setHeader("Idempotent-Replayed", "true");
        byte[] stored = (byte[]) row.get("response_body");
        if (stored != null) {
            int status = (Integer) row.get("status");
            response.getOutputStream().write(status >= 400 ? withRequestId(stored, RequestIdFilter.of(request)) : stored);
        }
    }

    /** A replayed error envelope names this request's id (the one in its X-Request-Id), not the first one's. */
    private byte[] withRequestId(byte[] envelope, String requestId) {
        try {
            JsonNode root = json.readTree(envelope);
            if (requestId != null && root != null && root.path("error") instanceof ObjectNode error) {
                error.put("requestId", requestId);
                return json.writeValueAsBytes(root);
            }
        } catch (JacksonException notJson) {
            // not our envelope: replay it as it was
        }
        return envelope;
    }

    private void reject(HttpServletRequest request, HttpServletResponse response, int status, String code,
                        String message) throws IOException {
        reject(request, response, status, code, message, Map.of());
    }

    private void reject(HttpServletRequest request, HttpServletResponse response, int status, String code,
                        String message, Map<String, Object> details) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), ApiError.of(code, message, details, RequestIdFilter.of(request)));
    }


    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
