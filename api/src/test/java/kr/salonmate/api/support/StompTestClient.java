package kr.salonmate.api.support;

import static kr.salonmate.api.support.Eventually.eventually;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
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
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;
import tools.jackson.databind.JsonNode;

/** A real STOMP 1.2 client over a real WebSocket, as the dashboard page uses it. */
public final class StompTestClient implements AutoCloseable {

    /** Times receipts and heart-beats of every client; daemon threads, so it needs no shutting down. */
    private static final ThreadPoolTaskScheduler TIMER = timer();

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
        client.setTaskScheduler(TIMER); // the session tracks receipts (and keeps the heart-beats it announces) on it
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

    /**
     * Subscribes and waits for the server's answer: the RECEIPT once the broker has registered the subscription (so
     * every update from then on reaches it), or, for a subscription the server refuses, the socket closing after its
     * ERROR frame (which {@link #errors()} and {@link #isConnected()} then show).
     */
    public Subscription subscribe(String destination) {
        BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
        StompHeaders headers = new StompHeaders();
        headers.setDestination(destination);
        headers.setReceipt("subscribe-" + UUID.randomUUID());
        CompletableFuture<Void> receipt = new CompletableFuture<>();
        StompSession.Subscription subscription = session.subscribe(headers, collector(frames));
        subscription.addReceiptTask(() -> receipt.complete(null));
        subscription.addReceiptLostTask(() -> receipt.completeExceptionally(
                new AssertionError("No RECEIPT for SUBSCRIBE " + destination + "; errors: " + errors)));
        eventually(() -> receipt.isDone() || !session.isConnected(), answered -> answered,
                "the server's answer to SUBSCRIBE " + destination);
        if (session.isConnected()) {
            receipt.join(); // a lost receipt on an open socket fails the test here
        }
        return new Subscription(frames);
    }

    private static StompFrameHandler collector(BlockingQueue<JsonNode> frames) {
        return new StompFrameHandler() {
            @Override
            public Type getPayloadType(StompHeaders headers) {
                return byte[].class;
            }

            @Override
            public void handleFrame(StompHeaders headers, Object payload) {
                frames.add(Json.parse(new String((byte[]) payload, StandardCharsets.UTF_8)));
            }
        };
    }

    private static ThreadPoolTaskScheduler timer() {
        ThreadPoolTaskScheduler timer = new ThreadPoolTaskScheduler();
        timer.setPoolSize(1);
        timer.setThreadNamePrefix("stomp-test-client-");
        timer.setDaemon(true);
        timer.initialize();
        return timer;
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

        /** Waits for a frame matching the condition, skipping (and dropping) others. */
        public JsonNode await(Predicate<JsonNode> matching, Duration timeout) {
            return eventually(() -> nextMatching(matching), Objects::nonNull, "a matching frame", timeout);
        }

        private JsonNode nextMatching(Predicate<JsonNode> matching) {
            for (JsonNode frame = frames.poll(); frame != null; frame = frames.poll()) {
                if (matching.test(frame)) {
                    return frame;
                }
            }
            return null;
        }

        /** The frames that arrived since the last look, without waiting. */
        public List<JsonNode> received() {
            List<JsonNode> arrived = new ArrayList<>();
            frames.drainTo(arrived);
            return arrived;
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
