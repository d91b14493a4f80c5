package kr.salonmate.saga.common;

import java.time.Duration;
import java.time.Instant;

import org.axonframework.deadline.DeadlineManager;

/**
 * One named persistent deadline of a saga (a retry, a next step, a due time), with the rule that at most one of it
 * is pending: scheduling cancels the pending one first. The saga keeps the schedule id in its own stored state
 * (so a restarted node can still cancel it) and passes it in; this keeps no state and can be a constant.
 *
 * <pre>{@code
 * retryScheduleId = RETRY.schedule(deadlines, retryScheduleId, wait, new DraftRetryDue(attempts + 1));
 * retryScheduleId = RETRY.cancel(deadlines, retryScheduleId);
 * }</pre>
 */
public record SagaDeadline(String name) {

    /** Schedules it {@code wait} from now, cancelling the pending one; the new schedule id. */
    public String schedule(DeadlineManager deadlines, String pendingId, Duration wait, Object payload) {
        cancel(deadlines, pendingId);
        return deadlines.schedule(wait, name, payload);
    }

    /** Schedules it at {@code at}, cancelling the pending one; the new schedule id. */
    public String schedule(DeadlineManager deadlines, String pendingId, Instant at, Object payload) {
        cancel(deadlines, pendingId);
        return deadlines.schedule(at, name, payload);
    }

    /** Cancels the pending one, if any. Returns null: what the saga's schedule id is afterwards. */
    public String cancel(DeadlineManager deadlines, String pendingId) {
        if (pendingId != null) {
            deadlines.cancelSchedule(name, pendingId);
        }
        return null;
    }
}
