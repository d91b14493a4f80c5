package kr.salonmate.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.junit.jupiter.api.Test;

/** The read-ahead stream hands over what the source gives, in order, promptly, failures included. */
class ReadAheadMessageSourceTest {

    private final Source source = new Source();
    private final ReadAheadMessageSource readAhead = new ReadAheadMessageSource(source, 3, "test");

    @Test
    void eventsComeOutInTheirOrderAlthoughMoreArriveThanTheStreamHoldsAhead() throws Exception {
        int events = 5 * ReadAheadMessageSource.ReadAheadStream.CHUNK + 7; // it holds two chunks ahead at most
        for (int i = 1; i <= events; i++) {
            source.add(i);
        }
        List<Object> received = new ArrayList<>();
        try (BlockingStream<TrackedEventMessage<?>> stream = readAhead.openStream(null)) {
            while (received.size() < events && stream.hasNextAvailable(5, TimeUnit.SECONDS)) {
                assertThat(stream.peek().map(event -> (Object) event.getPayload())).contains(received.size() + 1);
                received.add(stream.nextAvailable().getPayload());
            }
            assertThat(stream.hasNextAvailable()).isFalse();
            assertThat(stream.peek()).isEmpty();
        }
        assertThat(received).hasSize(events).isSortedAccordingTo((a, b) -> (Integer) a - (Integer) b)
                .startsWith(1, 2, 3).endsWith(events);
    }

    @Test
    void anEventAppendedWhileTheProcessorWaitsIsHandedOverAtOnce() throws Exception {
        try (BlockingStream<TrackedEventMessage<?>> stream = readAhead.openStream(null)) {
            assertThat(stream.hasNextAvailable(50, TimeUnit.MILLISECONDS)).isFalse();
            long appended = System.nanoTime();
            source.add(42);
            assertThat(stream.hasNextAvailable(5, TimeUnit.SECONDS)).isTrue();
            // the read-ahead thread waits on the source, it does not poll it at intervals
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - appended)).isLessThan(80);
            assertThat(stream.nextAvailable().getPayload()).isEqualTo(42);
        }
    }

    @Test
    void aFailureOfTheSourceReachesTheProcessorAfterTheEventsReadBeforeIt() throws Exception {
        source.add(1);
        source.add(2);
        source.failWith(new IllegalStateException("database went away"));
        try (BlockingStream<TrackedEventMessage<?>> stream = readAhead.openStream(null)) {
            assertThat(stream.hasNextAvailable(5, TimeUnit.SECONDS)).isTrue();
            assertThat(stream.nextAvailable().getPayload()).isEqualTo(1);
            assertThat(stream.nextAvailable().getPayload()).isEqualTo(2);
            assertThatThrownBy(() -> stream.hasNextAvailable(5, TimeUnit.SECONDS))
                    .isInstanceOf(IllegalStateException.class).hasMessage("database went away");
        }
    }

    @Test
    void closingTheStreamClosesTheSourcesStreamAndStopsReading() throws Exception {
        source.add(1);
        BlockingStream<TrackedEventMessage<?>> stream = readAhead.openStream(null);
        assertThat(stream.hasNextAvailable(5, TimeUnit.SECONDS)).isTrue();
        stream.close();
        assertThat(source.closed.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void tokensAreTheSources() {
        assertThat(readAhead.createTailToken()).isEqualTo(new GlobalSequenceTrackingToken(-1));
        assertThat(readAhead.createHeadToken()).isEqualTo(new GlobalSequenceTrackingToken(source.position));
    }

    @Test
    void eventsOfATypeTheProcessorPassesByAreHandedOverUndecoded() throws Exception {
        try (BlockingStream<TrackedEventMessage<?>> stream = readAhead.openStream(null)) {
            source.add("a draft asked for");
            assertThat(stream.hasNextAvailable(5, TimeUnit.SECONDS)).isTrue();
            stream.skipMessagesWithPayloadTypeOf(stream.nextAvailable()); // as the processor does: no handler for it

            List<AtomicInteger> stringReads = List.of(source.addCounted("another"), source.addCounted("and another"));
            AtomicInteger numberReads = source.addCounted(7);
            for (int i = 0; i < 3; i++) {
                assertThat(stream.hasNextAvailable(5, TimeUnit.SECONDS)).isTrue();
                stream.nextAvailable();
            }
            assertThat(stringReads).allSatisfy(reads -> assertThat(reads).hasValue(0));
            assertThat(numberReads).hasValue(1); // decoded by the reader, for the handler
        }
    }

    @Test
    void whileTheReaderIsBehindPeekWaitsForItsNextChunkSoThatABatchIsNotCutAtAChunksEnd() throws Exception {
        int chunk = ReadAheadMessageSource.ReadAheadStream.CHUNK;
        for (int i = 1; i <= chunk; i++) {
            source.add(i);
        }
        source.addSlow(chunk + 1, 300); // the next page of rows takes a while to read
        source.add(chunk + 2);
        try (BlockingStream<TrackedEventMessage<?>> stream = readAhead.openStream(null)) {
            assertThat(stream.hasNextAvailable(5, TimeUnit.SECONDS)).isTrue();
            for (int i = 1; i <= chunk; i++) {
                assertThat(stream.nextAvailable().getPayload()).isEqualTo(i);
            }
            // as Axon's tracking processor fills a batch: it goes on while peek() finds an event
            assertThat(stream.peek().map(event -> (Object) event.getPayload())).contains(chunk + 1);
            assertThat(stream.nextAvailable().getPayload()).isEqualTo(chunk + 1);
            assertThat(stream.peek().map(event -> (Object) event.getPayload())).contains(chunk + 2);
            stream.nextAvailable();
            // caught up: peek() answers at once, and a live event is not held up waiting for more
            long asked = System.nanoTime();
            assertThat(stream.peek()).isEmpty();
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - asked)).isLessThan(500);
        }
    }

    /** An event source in memory whose stream waits for events the way the embedded event store's does. */
    private static final class Source implements StreamableMessageSource<TrackedEventMessage<?>> {
        private final BlockingQueue<Object> events = new LinkedBlockingQueue<>();
        private final CountDownLatch closed = new CountDownLatch(1);
        private long position;

        synchronized void add(Object payload) {
            events.add(new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(++position),
                    GenericEventMessage.asEventMessage(payload)));
        }

        /** An event that counts how often its payload is read. */
        synchronized AtomicInteger addCounted(Object payload) {
            AtomicInteger reads = new AtomicInteger();
            events.add(new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(++position),
                    GenericEventMessage.asEventMessage(payload)) {
                @Override
                public Object getPayload() {
                    reads.incrementAndGet();
                    return super.getPayload();
                }
            });
            return reads;
        }

        /** An event whose reading takes {@code millis} (a page of rows fetched and decoded). */
        synchronized void addSlow(Object payload, long millis) {
            events.add(new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(++position),
                    GenericEventMessage.asEventMessage(payload)) {
                @Override
                public Object getPayload() {
                    try {
                        Thread.sleep(millis);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return super.getPayload();
                }
            });
        }

        void failWith(RuntimeException failure) {
            events.add(failure);
        }

        @Override
        public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken token) {
            return new BlockingStream<>() {
                private Object next;

                @Override
                public Optional<TrackedEventMessage<?>> peek() {
                    throw new UnsupportedOperationException("the read-ahead thread does not peek");
                }

                @Override
                public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
                    if (next == null) {
                        next = events.poll(timeout, unit);
                    }
                    if (next instanceof RuntimeException failure) {
                        throw failure;
                    }
                    return next != null;
                }

                @Override
                public TrackedEventMessage<?> nextAvailable() {
                    TrackedEventMessage<?> event = (TrackedEventMessage<?>) next;
                    next = null;
                    return event;
                }

                @Override
                public void close() {
                    closed.countDown();
                }
            };
        }

        @Override
        public TrackingToken createTailToken() {
            return new GlobalSequenceTrackingToken(-1);
        }

        @Override
        public TrackingToken createHeadToken() {
            return new GlobalSequenceTrackingToken(position);
        }
    }
}
