package kr.salonmate.saga.ai;

/** The model gave no usable draft. The message is short and safe to show to the shop owner. */
public class DraftFailed extends RuntimeException {

    public DraftFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
