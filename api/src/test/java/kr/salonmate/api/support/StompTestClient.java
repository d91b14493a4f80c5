package kr.salonmate.api.support;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.springframework.messaging.converter.SimpleMessageConverter;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;
import tools.jackson.databind.JsonNode;

/** A real STOMP 1.2 client over a real WebSocket, as the dashboard page uses it. */
public final class StompTestClient implements AutoCloseable {

    private final WebSocketStompClient client;
    private final StompSession session;
    /** ERROR frames ({@code "ERROR <message>"}) and transport failures, as they arrive. */
    private final List<String> errors;

    private StompTestClient(WebSocketStompClient client, StompSession session, List<String> errors) {
        this.client = client;
        this.session = session;
        this.errors = errors;
    }

    public static StompTestClient connect(String wsUrl, String accessToken) throws Exception {
        WebSocketStompClient client = new WebSocketStompClient(new StandardWebSocketClient());
        client.setMessageConverter(new SimpleMessageConverter()); // raw bytes: the test parses the JSON itself
        StompHeaders connect = new StompHeaders();
        if (accessToken != null) {
            connect.add("Authorization", "Bearer " + accessToken);
        }
        CompletableFuture<String> failure = new CompletableFuture<>();
        List<String> errors = new CopyOnWriteArrayList<>();
        StompSession session = client.connectAsync(wsUrl, new WebSocketHttpHeaders(), connect,
                new StompSessionHandlerAdapter() {
                    @Override
                    public void handleException(StompSession s, StompCommand command, StompHeaders headers,
                                                byte[] payload, Throwable exception) {
                        errors.add(String.valueOf(exception));
                    }

                    @Override
                    public void handleTransportError(StompSession s, Throwable exception) {
                        errors.add("transport: " + exception);
                    }

                    @Override
                    public Type getPayloadType(StompHeaders headers) {
                        return byte[].class;
                    }

                    @Override
                    public void handleFrame(StompHeaders headers, Object payload) {
                        errors.add("ERROR " + headers.getFirst("message"));
                    }
                }).get(10, TimeUnit.SECONDS);
        return new StompTestClient(client, session, errors);
    }

    public Subscription subscribe(String destination) {
        BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
        session.subscribe(destination, new StompFrameHandler() {
            @Override
            public Type getPayloadType(StompHeaders headers) {
                return byte[].class;
            }

            @Override
            public void handleFrame(StompHeaders headers, Object payload) {
                frames.add(Json.parse(new String((byte[]) payload, StandardCharsets.UTF_8)));
            }
        });
        return new Subscription(frames);
    }

    /** What went wrong so far: ERROR frames as {@code "ERROR <message>"}, transport failures. */
    public List<String> errors() {
        return List.copyOf(errors);
    }

    public boolean isConnected() {
        return session.isConnected();
    }

    public static final class Subscription {
        private final BlockingQueue<JsonNode> frames;

        Subscription(BlockingQueue<JsonNode> frames) {
            this.frames = frames;
        }

        /** Waits for a frame matching the condition, skipping others. */
        public JsonNode await(Predicate<JsonNode> matching, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                JsonNode frame = frames.poll(50, TimeUnit.MILLISECONDS);
                if (frame != null && matching.test(frame)) {
                    return frame;
                }
            }
            throw new AssertionError("No matching frame within " + timeout);
        }

        public JsonNode poll(Duration timeout) throws InterruptedException {
            return frames.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void close() {
        try {
            if (session.isConnected()) {
                session.disconnect();
            }
        } finally {
            client.stop();
        }
    }
}
