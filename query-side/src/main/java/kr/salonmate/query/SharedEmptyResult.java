package kr.salonmate.query;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.GenericResultMessage;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * A projection processor's interceptor that answers an event handled without a result (every projection handler
 * returns nothing) with one shared, empty result message. Otherwise Axon's batching unit of work wraps each
 * "nothing" in a new result message, with a random identifier and the unit of work's correlation data, a map that
 * every correlation provider builds again for each event: 12 % of the analytics processor's thread in a replay
 * (docs/benchmarks.md, "Replay"). An event processor reads these results only for an exception, and an exception
 * still propagates as it is.
 */
public final class SharedEmptyResult implements MessageHandlerInterceptor<EventMessage<?>> {

    /** Built outside any unit of work, with no correlation data: it names no message it answered. */
    static final ResultMessage<Object> EMPTY = new GenericResultMessage<>(
            new GenericMessage<>("empty-event-handling-result", Object.class, null, MetaData.emptyInstance()));

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Object result = chain.proceed();
        return result == null ? EMPTY : result;
    }
}
