package kr.salonmate.integration.toss;

/** Toss did not answer usefully (5xx, timeout, connection lost, unreadable body): whether it acted is unknown. */
public class TossUnavailable extends RuntimeException {

    public TossUnavailable(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
