package kr.salonmate.integration.instagram;

import java.time.Duration;

/**
 * The Graph API refused or failed a call. {@link #reason()} is SalonMate's failure code for the owner (see
 * {@link InstagramErrors}), {@link #getMessage()} an owner-readable explanation; {@link #isTransient()} says
 * whether trying again later may help. The access token never appears in it.
 */
public class InstagramApiException extends RuntimeException {

    /** No HTTP response came back (timeout, connection error). */
    public static final int NO_RESPONSE = 0;

    private final int status;
    private final int code;
    private final int subcode;
    private final String reason;
    private final boolean transientFailure;
    private final Duration retryAfter;

    public InstagramApiException(int status, int code, int subcode, String reason, String message,
                                 boolean transientFailure, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.code = code;
        this.subcode = subcode;
        this.reason = reason;
        this.transientFailure = transientFailure;
        this.retryAfter = retryAfter;
    }

    public int status() {
        return status;
    }

    /** Graph API error {@code code}, 0 when none came. */
    public int code() {
        return code;
    }

    /** Graph API {@code error_subcode}, 0 when none came. */
    public int subcode() {
        return subcode;
    }

    public String reason() {
        return reason;
    }

    public boolean isTransient() {
        return transientFailure;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
