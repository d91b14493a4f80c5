package kr.salonmate.query;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;

/**
 * An event handling component whose answers to Axon's look-ups are remembered: whether it handles an event, by the
 * event's payload type (and whether it is a domain event), and whether it supports a reset. Axon asks both for every
 * event, twice (the processor, then its invoker), and answers by streaming over the component's handlers and their
 * attributes each time: in a replay of analytics that was a fifth of the processor's thread (docs/benchmarks.md,
 * "Replay"). Handling itself is left to the wrapped component.
 *
 * <p>Only for a component whose handlers are chosen by payload type and message kind alone: parameters such as
 * {@code @SequenceNumber} (domain events only) and {@code @MessageIdentifier} qualify, a required
 * {@code @MetaDataValue} would not (it depends on each message's metadata).
 */
public final class MemoizedHandlerLookup implements EventMessageHandler {

    private final EventMessageHandler delegate;
    private final boolean supportsReset;
    private final Map<Class<?>, Boolean> domainEvents = new ConcurrentHashMap<>();
    private final Map<Class<?>, Boolean> otherEvents = new ConcurrentHashMap<>();

    public MemoizedHandlerLookup(EventMessageHandler delegate) {
        this.delegate = delegate;
        this.supportsReset = delegate.supportsReset();
    }

    @Override
    public boolean canHandle(EventMessage<?> event) {
        Map<Class<?>, Boolean> known = event instanceof DomainEventMessage<?> ? domainEvents : otherEvents;
        Class<?> type = event.getPayloadType();
        Boolean answer = known.get(type);
        if (answer == null) {
            answer = delegate.canHandle(event);
            known.put(type, answer);
        }
        return answer;
    }

    @Override
    public Object handle(EventMessage<?> event) throws Exception {
        return delegate.handle(event);
    }

    @Override
    public boolean canHandleType(Class<?> payloadType) {
        return delegate.canHandleType(payloadType);
    }

    @Override
    public Class<?> getTargetType() {
        return delegate.getTargetType();
    }

    @Override
    public void prepareReset() {
        delegate.prepareReset();
    }

    @Override
    public <R> void prepareReset(R resetContext) {
        delegate.prepareReset(resetContext);
    }

    @Override
    public boolean supportsReset() {
        return supportsReset;
    }

    /** The component this wraps (a test looks through the wrapper to check what a processor holds). */
    public EventMessageHandler delegate() {
        return delegate;
    }
}
