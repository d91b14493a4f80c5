package kr.salonmate.saga.ai;

/** The model gave no usable draft. The message is short and safe to show to the shop owner. */
public class DraftFailed extends RuntimeException {

    public DraftFailed(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * What the owner reads after the last attempt: "No AI draft after 3 attempts. …", with the model's own
     * failure (a {@link DraftFailed} message is already owner-readable) cut to 300 characters.
     */
    public static String ownerReadable(String what, int attempts, RuntimeException failure) {
        String cause = failure instanceof DraftFailed ? failure.getMessage()
                : failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
        if (cause.length() > 300) {
            cause = cause.substring(0, 300) + "…";
        }
        return "No AI " + what + " after " + attempts + " attempts. " + cause;
    }
}
