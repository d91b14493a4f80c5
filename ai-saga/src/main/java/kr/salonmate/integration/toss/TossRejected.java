package kr.salonmate.integration.toss;

/** Toss answered with its error JSON ({@code code}, {@code message}): a decision, not an outage. */
public class TossRejected extends RuntimeException {

    private final int status;
    private final String code;

    public TossRejected(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public boolean notFound() {
        return status == 404;
    }
}
