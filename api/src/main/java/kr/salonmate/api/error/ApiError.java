package kr.salonmate.api.error;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.MDC;

/**
 * The error envelope every 4xx/5xx answer carries: {@code {"error": {...}}}. Its details name the request's trace
 * ({@code traceId}, when the request is traced), so a support request can be matched with the log lines of the whole
 * chain it caused.
 */
public record ApiError(Body error) {

    public record Body(String code, String message, Map<String, Object> details, Instant timestamp,
                       String requestId) {
    }

    public static ApiError of(String code, String message, Map<String, Object> details, String requestId) {
        return new ApiError(new Body(code, message, withTraceId(details == null ? Map.of() : details), Instant.now(),
                requestId));
    }

    /** Micrometer Tracing keeps the current request's trace id in the MDC key {@code traceId}. */
    private static Map<String, Object> withTraceId(Map<String, Object> details) {
        String traceId = MDC.get("traceId");
        if (traceId == null || traceId.isBlank() || details.containsKey("traceId")) {
            return details;
        }
        Map<String, Object> traced = new LinkedHashMap<>(details);
        traced.put("traceId", traceId);
        return traced;
    }
}
