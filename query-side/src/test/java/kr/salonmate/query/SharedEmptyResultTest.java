package kr.salonmate.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.junit.jupiter.api.Test;

class SharedEmptyResultTest {

    @Test
    void anEventHandledWithoutAResultGetsTheSharedEmptyResultAndAFailureStillFails() throws Exception {
        List<EventMessage<?>> events = List.of(GenericEventMessage.asEventMessage("a"),
                GenericEventMessage.asEventMessage("b"), GenericEventMessage.asEventMessage("boom"));
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(events);
        unitOfWork.registerCorrelationDataProvider(message -> java.util.Map.of("traceId", "t-1"));

        ResultMessage<?> result = unitOfWork.executeWithResult(() -> new DefaultInterceptorChain<>(unitOfWork,
                List.of(new SharedEmptyResult()), message -> {
                    if ("boom".equals(message.getPayload())) {
                        throw new IllegalStateException("boom");
                    }
                    return null;
                }).proceed(), RollbackConfigurationType.NEVER);

        assertThat(unitOfWork.getExecutionResults().get(events.get(0)).getResult())
                .isSameAs(SharedEmptyResult.EMPTY);
        assertThat(unitOfWork.getExecutionResults().get(events.get(1)).getResult())
                .isSameAs(SharedEmptyResult.EMPTY);
        assertThat(SharedEmptyResult.EMPTY.getPayload()).isNull();
        assertThat(SharedEmptyResult.EMPTY.getMetaData()).isEqualTo(MetaData.emptyInstance());
        assertThat(result.isExceptional()).isTrue();
        assertThat(result.exceptionResult()).hasMessage("boom");
    }

    @Test
    void aResultIsPassedOnAsItIs() throws Exception {
        BatchingUnitOfWork<EventMessage<?>> unitOfWork =
                new BatchingUnitOfWork<>(List.of(GenericEventMessage.asEventMessage("a")));
        Object answer = new Object();
        assertThat(new SharedEmptyResult().handle(unitOfWork,
                new DefaultInterceptorChain<>(unitOfWork, List.of(), message -> answer))).isSameAs(answer);
        assertThatThrownBy(() -> new SharedEmptyResult().handle(unitOfWork, () -> {
            throw new IllegalArgumentException("no");
        })).hasMessage("no");
    }
}
