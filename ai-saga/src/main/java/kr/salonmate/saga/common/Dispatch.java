package kr.salonmate.saga.common;

import kr.salonmate.messages.common.RuleViolation;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.slf4j.Logger;

/** Sends one command and says how it went, telling a business rejection apart from a failure to deliver. */
public final class Dispatch {

    public enum Result {
        /** The aggregate took it. */
        ACCEPTED,
        /** The aggregate said no (a rule, a version conflict, no such aggregate): asking again will not help. */
        REJECTED,
        /** It did not get through (store, bus, network): asking again later may help. */
        FAILED
    }

    private Dispatch() {
    }

    public static Result send(CommandGateway commands, Object command, Logger log) {
        try {
            commands.sendAndWait(command);
            return Result.ACCEPTED;
        } catch (RuntimeException e) {
            if (isRejection(e)) {
                log.info("{} was rejected: {}", command.getClass().getSimpleName(), e.getMessage());
                return Result.REJECTED;
            }
            log.warn("{} could not be delivered: {}", command.getClass().getSimpleName(), e.toString());
            return Result.FAILED;
        }
    }

    /** A rule of the aggregate said no (locally: the exception itself; somewhere in the cause chain otherwise). */
    public static boolean isRejection(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RuleViolation || t instanceof AggregateNotFoundException
                    || t instanceof ConflictingModificationException) {
                return true;
            }
        }
        return false;
    }

    /** For best-effort policies: also a handler failure reported by a remote node counts as "no". */
    public static boolean isRejectionOrRemoteFailure(Throwable failure) {
        return isRejection(failure) || failure instanceof CommandExecutionException;
    }
}
