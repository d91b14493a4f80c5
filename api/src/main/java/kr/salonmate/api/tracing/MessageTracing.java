package kr.salonmate.api.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import kr.salonmate.saga.trace.MessageTrace;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Carries the trace of an HTTP request through Axon: a command sent while a request is traced gets the request's
 * W3C {@code traceparent} in its metadata; Axon copies it to every message handled or sent on its behalf (a
 * correlation data provider: command → events → sagas → their commands); while a processor or a command handler
 * handles such a message the trace and span ids are in the logging MDC ({@code traceId}, {@code spanId}, as
 * Micrometer Tracing puts them there for requests), so the log lines of the whole chain share the trace id; and the
 * outbound clients (Google, Instagram: {@link MessageTrace}; OpenAI through Spring's RestClient: below) send it on.
 */
@Configuration
public class MessageTracing {

    static final String TRACE_ID = "traceId";
    static final String SPAN_ID = "spanId";

    // The beans Axon's configuration needs are static: Axon builds its configuration (and the command bus) from them,
    // and an instance of this class, which waits for the command bus, must not be needed for that.

    /** Copies {@code traceparent} from the message being handled to the messages it causes. */
    @Bean
    static CorrelationDataProvider traceparentCorrelation() {
        return new SimpleCorrelationDataProvider(MessageTrace.TRACEPARENT);
    }

    /** Axon's default (correlation and trace ids of messages), which a provider of our own would otherwise replace. */
    @Bean
    static CorrelationDataProvider messageOriginCorrelation() {
        return new MessageOriginProvider();
    }

    /** Once every bean exists (the command bus among them), its interceptors are registered. */
    @Bean
    static SmartInitializingSingleton traceCommands(ObjectProvider<CommandBus> commandBus, ObjectProvider<Tracer> tracer) {
        return () -> {
            CommandBus bus = commandBus.getObject();
            bus.registerDispatchInterceptor(fromCurrentSpan(tracer.getObject()));
            bus.registerHandlerInterceptor(inMdc());
        };
    }

    @Autowired
    void traceEventHandling(EventProcessingConfigurer processing) {
        processing.registerDefaultHandlerInterceptor((configuration, name) -> inMdc());
    }

    /** OpenAI is called through Spring's RestClient: outside a traced request, it gets the message's traceparent. */
    @Bean
    static RestClientCustomizer messageTraceOnRestClients() {
        return builder -> builder.requestInterceptor((request, body, execution) -> {
            if (!request.getHeaders().containsHeader(MessageTrace.TRACEPARENT)) {
                MessageTrace.current().ifPresent(traceparent ->
                        request.getHeaders().set(MessageTrace.TRACEPARENT, traceparent));
            }
            return execution.execute(request, body);
        });
    }

    /** A command sent during a traced request (and not already carrying a trace) gets the request's traceparent. */
    static MessageDispatchInterceptor<CommandMessage<?>> fromCurrentSpan(Tracer tracer) {
        return new MessageDispatchInterceptor<>() {
            @Override
            public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
                    List<? extends CommandMessage<?>> messages) {
                return (index, command) -> {
                    if (command.getMetaData().containsKey(MessageTrace.TRACEPARENT)) {
                        return command;
                    }
                    Span span = tracer.currentSpan();
                    if (span == null) {
                        return command;
                    }
                    TraceContext context = span.context();
                    String flags = Boolean.TRUE.equals(context.sampled()) ? "01" : "00";
                    return command.andMetaData(Map.of(MessageTrace.TRACEPARENT,
                            "00-" + context.traceId() + "-" + context.spanId() + "-" + flags));
                };
            }
        };
    }

    /** While a message with a traceparent is handled, its trace and span ids are in the MDC. */
    static <T extends Message<?>> MessageHandlerInterceptor<T> inMdc() {
        return (unitOfWork, chain) -> {
            Object traceparent = unitOfWork.getMessage().getMetaData().get(MessageTrace.TRACEPARENT);
            if (!(traceparent instanceof String value) || value.length() != 55) {
                return chain.proceed();
            }
            String traceBefore = MDC.get(TRACE_ID);
            String spanBefore = MDC.get(SPAN_ID);
            MDC.put(TRACE_ID, MessageTrace.traceId(value));
            MDC.put(SPAN_ID, value.substring(36, 52));
            try {
                return chain.proceed();
            } finally {
                restore(TRACE_ID, traceBefore);
                restore(SPAN_ID, spanBefore);
            }
        };
    }

    private static void restore(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}
