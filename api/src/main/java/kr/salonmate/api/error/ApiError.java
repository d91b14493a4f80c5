package kr.salonmate.api.error;

import java.time.Instant;
import java.util.Map;

/** The error envelope every 4xx/5xx answer carries: {@code {"error": {...}}}. */
public record ApiError(Body error) {

    public record Body(String code, String message, Map<String, Object> details, Instant timestamp,
                       String requestId) {
    }

    public static ApiError of(String code, String message, Map<String, Object> details, String requestId) {
        return new ApiError(new Body(code, message, details == null ? Map.of() : details, Instant.now(), requestId));
    }
}
