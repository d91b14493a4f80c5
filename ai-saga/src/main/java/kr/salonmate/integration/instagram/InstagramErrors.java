package kr.salonmate.integration.instagram;

import java.time.Duration;

/**
 * Graph API error codes and subcodes as failure reasons an owner can act on, and whether trying again may help.
 * Codes: 190 access token expired/revoked; 10 and 200–299 permission missing; 4, 17, 32, 613 and 80001–80009 rate
 * limits; 1, 2 temporary; 9004 and subcode 2207052 media could not be fetched; 2207026 and 2207005 media format,
 * 2207004 too large, 2207009 aspect ratio; 2207042 publishing quota; 2207020 container expired; 2207050/2207051
 * and 368 account restricted; 2207001/2207008/2207032/2207003 temporary on Instagram's side.
 */
public final class InstagramErrors {

    public static final String TOKEN_EXPIRED = "INSTAGRAM_TOKEN_EXPIRED";
    public static final String PERMISSION_DENIED = "INSTAGRAM_PERMISSION_DENIED";
    public static final String RATE_LIMITED = "INSTAGRAM_RATE_LIMITED";
    public static final String MEDIA_FETCH_FAILED = "INSTAGRAM_MEDIA_FETCH_FAILED";
    public static final String MEDIA_REJECTED = "INSTAGRAM_MEDIA_REJECTED";
    public static final String CAPTION_REJECTED = "INSTAGRAM_CAPTION_REJECTED";
    public static final String QUOTA_EXHAUSTED = "INSTAGRAM_QUOTA_EXHAUSTED";
    public static final String CONTAINER_EXPIRED = "INSTAGRAM_CONTAINER_EXPIRED";
    public static final String CONTAINER_TIMEOUT = "INSTAGRAM_CONTAINER_TIMEOUT";
    public static final String ACCOUNT_RESTRICTED = "INSTAGRAM_ACCOUNT_RESTRICTED";
    public static final String REQUEST_REJECTED = "INSTAGRAM_REQUEST_REJECTED";
    public static final String UNAVAILABLE = "INSTAGRAM_UNAVAILABLE";
    public static final String NOT_CONNECTED = "INSTAGRAM_NOT_CONNECTED";

    private static final String RECONNECT = " Reconnect Instagram in the shop settings, then publish again.";

    private InstagramErrors() {
    }

    /** Classifies an error answer ({@code fbMessage} is Instagram's own text, shown only where it helps). */
    static InstagramApiException of(int status, int code, int subcode, boolean flaggedTransient, String fbMessage,
                                    Duration retryAfter) {
        String detail = fbMessage == null || fbMessage.isBlank() ? "" : " (Instagram said: " + clip(fbMessage) + ")";
        if (code == 190) {
            return permanent(status, code, subcode, TOKEN_EXPIRED, "Instagram no longer accepts SalonMate's access"
                    + " token for this account: it expired or was revoked." + RECONNECT);
        }
        if (code == 10 || (code >= 200 && code <= 299)) {
            return permanent(status, code, subcode, PERMISSION_DENIED, "The Instagram account has not allowed SalonMate"
                    + " to publish (instagram_content_publish)." + RECONNECT);
        }
        if (code == 4 || code == 17 || code == 32 || code == 613 || (code >= 80001 && code <= 80009)) {
            return new InstagramApiException(status, code, subcode, RATE_LIMITED, "Instagram is limiting how often"
                    + " SalonMate may call it for this account; SalonMate tries again later.", true, retryAfter, null);
        }
        if (subcode == 2207042) {
            return permanent(status, code, subcode, QUOTA_EXHAUSTED, "This Instagram account has used up the number of"
                    + " posts Instagram allows in 24 hours. Publish again later.");
        }
        if (code == 9004 || subcode == 2207052) {
            return permanent(status, code, subcode, MEDIA_FETCH_FAILED, "Instagram could not download the photo from"
                    + " SalonMate. SalonMate must be reachable from the internet at its public address"
                    + " (SALONMATE_PUBLIC_BASE_URL); check it, then publish again." + detail);
        }
        if (subcode == 2207003) {
            return new InstagramApiException(status, code, subcode, MEDIA_FETCH_FAILED, "Instagram took too long to"
                    + " download the photo; SalonMate tries again.", true, retryAfter, null);
        }
        if (subcode == 2207026 || subcode == 2207005 || subcode == 2207023) {
            return permanent(status, code, subcode, MEDIA_REJECTED, "Instagram does not accept the format of this"
                    + " photo. Upload it again as a JPEG or PNG." + detail);
        }
        if (subcode == 2207004) {
            return permanent(status, code, subcode, MEDIA_REJECTED, "The photo is too large for Instagram (at most"
                    + " 8 MB).");
        }
        if (subcode == 2207009) {
            return permanent(status, code, subcode, MEDIA_REJECTED, "Instagram does not accept the shape of this"
                    + " photo: its aspect ratio must be between 4:5 (portrait) and 1.91:1 (landscape).");
        }
        if (subcode == 2207010) {
            return permanent(status, code, subcode, CAPTION_REJECTED, "Instagram refused the caption: at most 2,200"
                    + " characters and 30 hashtags.");
        }
        if (subcode == 2207020) {
            return permanent(status, code, subcode, CONTAINER_EXPIRED, "Instagram's copy of the photo expired before it"
                    + " was published. Publish again.");
        }
        if (subcode == 2207050 || subcode == 2207051 || code == 368) {
            return permanent(status, code, subcode, ACCOUNT_RESTRICTED, "Instagram has restricted this account from"
                    + " publishing for now. Check the account in the Instagram app." + detail);
        }
        if (code == 1 || code == 2 || subcode == 2207001 || subcode == 2207008 || subcode == 2207032
                || flaggedTransient || status == 429 || status >= 500) {
            return new InstagramApiException(status, code, subcode, UNAVAILABLE, "Instagram had a temporary problem"
                    + detail + "; SalonMate tries again.", true, retryAfter, null);
        }
        return permanent(status, code, subcode, REQUEST_REJECTED, "Instagram refused the request (HTTP " + status
                + (code == 0 ? "" : ", error " + code + (subcode == 0 ? "" : "/" + subcode)) + ")" + detail + ".");
    }

    private static InstagramApiException permanent(int status, int code, int subcode, String reason, String message) {
        return new InstagramApiException(status, code, subcode, reason, message, false, null, null);
    }

    private static String clip(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }
}
