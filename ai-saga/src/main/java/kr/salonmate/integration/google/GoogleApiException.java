package kr.salonmate.integration.google;

import java.time.Duration;

/**
 * Google did not do what was asked. {@link #isTransient()} says whether trying again later can help (429, 5xx,
 * timeouts, broken connections, unreadable answers) or not (auth, permission, not found, bad request).
 * {@link #getMessage()} is meant for the shop owner: it names what failed and repeats Google's own explanation,
 * never a token.
 */
public class GoogleApiException extends RuntimeException {

    /** {@link #status()} when no HTTP answer came back (timeout, connection error). */
    public static final int NO_RESPONSE = 0;

    private final int status;
    private final String googleStatus;
    private final boolean transientFailure;
    private final Duration retryAfter;

    public GoogleApiException(int status, String googleStatus, String message, boolean transientFailure,
                              Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.googleStatus = googleStatus;
        this.transientFailure = transientFailure;
        this.retryAfter = retryAfter;
    }

    /** HTTP status, or {@link #NO_RESPONSE}. */
    public int status() {
        return status;
    }

    /** Google's status name ({@code PERMISSION_DENIED}, {@code NOT_FOUND}, ...), or ours: {@code TIMEOUT},
     * {@code IO_ERROR}, {@code MALFORMED_RESPONSE}, {@code HTTP_<status>}. */
    public String googleStatus() {
        return googleStatus;
    }

    public boolean isTransient() {
        return transientFailure;
    }

    /** The server's Retry-After, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }

    public boolean isNotFound() {
        return status == 404;
    }
}
