package kr.salonmate.query.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kr.salonmate.query.MemoizedHandlerLookup;
import kr.salonmate.query.QuerySideModule;
import kr.salonmate.query.SharedEmptyResult;
import kr.salonmate.query.support.ProjectionTest;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.deadletter.DeadLetteringEventHandlerInvoker;
import org.junit.jupiter.api.Test;

/**
 * The analytics processor asks its projection through a {@link MemoizedHandlerLookup}, and keeps what Axon's own
 * configuration of the group gives it: the dead-letter queue and its cache of sequences without dead letters. Every
 * projection's processor answers empty results with {@link SharedEmptyResult}.
 */
class AnalyticsHandlerLookupTest extends ProjectionTest {

    @Test
    void theAnalyticsProcessorHoldsItsProjectionBehindTheMemoizedLookupWithItsDeadLetterCache() {
        AbstractEventProcessor processor = (AbstractEventProcessor) processor(AnalyticsProjection.GROUP);
        List<EventHandlerInvoker> invokers = ((MultiEventHandlerInvoker) processor.eventHandlerInvoker()).delegates();

        assertThat(invokers).singleElement().isInstanceOf(DeadLetteringEventHandlerInvoker.class);
        DeadLetteringEventHandlerInvoker invoker = (DeadLetteringEventHandlerInvoker) invokers.get(0);
        assertThat(invoker).extracting("sequenceIdentifierCacheEnabled").isEqualTo(true);
        assertThat(invoker).extracting("sequenceIdentifierCacheSize").isEqualTo(10_000);
        List<EventMessageHandler> handlers = invoker.eventHandlers();
        assertThat(handlers).singleElement().isInstanceOf(MemoizedHandlerLookup.class);
        EventMessageHandler projection = ((MemoizedHandlerLookup) handlers.get(0)).delegate();
        assertThat(projection).isInstanceOf(AnnotationEventHandlerAdapter.class);
        assertThat(projection.getTargetType()).isEqualTo(AnalyticsProjection.class);
    }

    @Test
    void everyProjectionsProcessorAnswersEmptyResultsWithTheSharedOne() {
        for (String group : QuerySideModule.PROCESSING_GROUPS) {
            AbstractEventProcessor processor = (AbstractEventProcessor) processing.eventProcessor(group).orElseThrow();
            assertThat(processor.getHandlerInterceptors()).as(group)
                    .anySatisfy(interceptor -> assertThat(interceptor).isInstanceOf(SharedEmptyResult.class));
        }
    }
}
