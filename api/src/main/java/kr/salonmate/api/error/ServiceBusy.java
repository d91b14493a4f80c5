package kr.salonmate.api.error;

import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * 503 {@code UPSTREAM_UNAVAILABLE} with a {@code Retry-After}: this node is busy with work of that kind right now
 * (every slot taken for longer than a client should wait); the same request a moment later will be served.
 */
public class ServiceBusy extends ApiException {

    private final long retryAfterSeconds;

    public ServiceBusy(String message, long retryAfterSeconds, Map<String, Object> details) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "UPSTREAM_UNAVAILABLE", message, details);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
