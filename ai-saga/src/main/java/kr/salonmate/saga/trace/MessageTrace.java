package kr.salonmate.saga.trace;

import java.net.http.HttpRequest;
import java.util.Optional;
import java.util.regex.Pattern;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * The W3C trace context an Axon message carries in its metadata ({@code traceparent}). The api module writes it on
 * every command sent from an HTTP request and Axon copies it from message to message (a correlation data provider):
 * command → event → saga → the saga's commands. The outbound clients send it on, so that Google's, Instagram's and
 * OpenAI's side of a call can be found under the trace of the click that caused it.
 */
public final class MessageTrace {

    /** The metadata key, and the header name of W3C Trace Context. */
    public static final String TRACEPARENT = "traceparent";
    private static final Pattern VALID = Pattern.compile("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

    private MessageTrace() {
    }

    /** The traceparent of the message being handled in this thread, if it has a valid one. */
    public static Optional<String> current() {
        if (!CurrentUnitOfWork.isStarted()) {
            return Optional.empty();
        }
        Message<?> message = CurrentUnitOfWork.get().getMessage();
        if (message == null) {
            return Optional.empty(); // a unit of work that only groups commands (CommandsInOneCommit) has none
        }
        Object value = message.getMetaData().get(TRACEPARENT);
        return value instanceof String traceparent && VALID.matcher(traceparent).matches()
                ? Optional.of(traceparent) : Optional.empty();
    }

    /** The trace id part of a traceparent. */
    public static String traceId(String traceparent) {
        return traceparent.substring(3, 35);
    }

    /** Adds the current message's traceparent to an outbound request, if there is one. */
    public static HttpRequest.Builder propagate(HttpRequest.Builder request) {
        current().ifPresent(traceparent -> request.header(TRACEPARENT, traceparent));
        return request;
    }
}
