package kr.salonmate.saga.review;

import kr.salonmate.integration.google.GoogleApiException;
import kr.salonmate.integration.google.GoogleAuthRejected;

/** Failure codes and owner-readable messages for {@code MarkReplyPublishFailed}. */
final class PublishFailures {

    static final String GOOGLE_AUTH_REJECTED = "GOOGLE_AUTH_REJECTED";
    static final String GOOGLE_PERMISSION_DENIED = "GOOGLE_PERMISSION_DENIED";
    static final String GOOGLE_REJECTED_REPLY = "GOOGLE_REJECTED_REPLY";
    static final String GOOGLE_ERROR = "GOOGLE_ERROR";
    static final String GOOGLE_UNAVAILABLE = "GOOGLE_UNAVAILABLE";
    static final String REVIEW_GONE = "REVIEW_NOT_FOUND_AT_SOURCE";
    static final String GOOGLE_NOT_CONNECTED = "GOOGLE_NOT_CONNECTED";
    static final String SOURCE_HAS_NO_API = "SOURCE_HAS_NO_REPLY_API";
    static final String UNAVAILABLE = "PUBLISH_UNAVAILABLE";

    private PublishFailures() {
    }

    /** The code of a Google failure that trying again will not fix. */
    static String permanentCode(GoogleApiException e) {
        if (e instanceof GoogleAuthRejected) {
            return GOOGLE_AUTH_REJECTED;
        }
        return switch (e.status()) {
            case 401 -> GOOGLE_AUTH_REJECTED;
            case 403 -> GOOGLE_PERMISSION_DENIED;
            case 404 -> REVIEW_GONE;
            case 400 -> GOOGLE_REJECTED_REPLY;
            default -> GOOGLE_ERROR;
        };
    }

    static String permanentMessage(GoogleApiException e) {
        if (e.status() == 404) {
            return "The review no longer exists on Google (the reviewer may have deleted it).";
        }
        return e.getMessage();
    }

    static String exhausted(int attempts, Exception last) {
        String reason = last instanceof GoogleApiException g ? g.getMessage() : "SalonMate could not reach what it"
                + " needed (" + last.getClass().getSimpleName() + ")";
        return "The reply could not be published after " + attempts + " attempts. Last problem: " + reason;
    }
}
