package kr.salonmate.integration.google;

/**
 * Google no longer accepts the stored authorization (refresh token revoked or expired: {@code invalid_grant}; or
 * the OAuth client is wrong). Permanent: only reconnecting Google helps.
 */
public class GoogleAuthRejected extends GoogleApiException {

    public GoogleAuthRejected(int status, String googleStatus, String message) {
        super(status, googleStatus, message, false, null, null);
    }
}
