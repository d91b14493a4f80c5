package kr.salonmate.query;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An event source whose streams read ahead: each stream has a thread of its own that takes events from the
 * underlying source (with the JPA event store: the queries, Hibernate's materialisation of the rows, the JSON
 * decode of each payload and its metadata, the parse of its timestamp) and queues up to {@code capacity} of them,
 * while the processor handles and commits the events read before. A replay then reads and writes at the same
 * time instead of in turns.
 *
 * <p>Live events are not held up: the read-ahead thread waits on the underlying stream, which the embedded event
 * store wakes as soon as an event is committed, and hands the event over at once. A failure of the underlying
 * stream reaches the processor once the events read before it are handled; the processor then closes the stream
 * and opens a new one from its token, as it does with the event store's own streams. A payload that cannot be
 * decoded is handed over as it is: the processor meets the problem when it handles that event, exactly as it would
 * without reading ahead.
 */
public final class ReadAheadMessageSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(ReadAheadMessageSource.class);
    private static final long POLL_MILLIS = 100;
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final StreamableMessageSource<TrackedEventMessage<?>> delegate;
    private final int capacity;
    private final String name;
    private final EventDecoder decoder;

    /**
     * @param delegate the source to read from (the event store)
     * @param capacity how many events a stream holds ready at most; 0 reads the delegate's streams as they are
     * @param name     names the read-ahead threads ({@code name-read-ahead-n})
     */
    public ReadAheadMessageSource(StreamableMessageSource<TrackedEventMessage<?>> delegate, int capacity,
                                  String name) {
        this(delegate, capacity, name, EventDecoder.EVERYTHING);
    }

    /**
     * @param decoder what the read-ahead thread makes of each event (with {@code capacity} 0 it is not used: the
     *                delegate's streams are read as they are)
     */
    public ReadAheadMessageSource(StreamableMessageSource<TrackedEventMessage<?>> delegate, int capacity,
                                  String name, EventDecoder decoder) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must not be negative, was " + capacity);
        }
        this.delegate = delegate;
        this.capacity = capacity;
        this.name = name;
        this.decoder = decoder;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        if (capacity == 0) {
            return delegate.openStream(trackingToken);
        }
        return new ReadAheadStream(delegate.openStream(trackingToken), capacity,
                name + "-read-ahead-" + THREADS.incrementAndGet(), decoder);
    }

    @Override
    public TrackingToken createTailToken() {
        return delegate.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return delegate.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return delegate.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return delegate.createTokenSince(duration);
    }

    /**
     * One stream: a reader thread fills the queue, the processor's thread empties it. Events are handed over in
     * chunks of up to {@value #CHUNK} (fewer, at once, when the reader has caught up): one hand-over per event made
     * the two threads wake each other a million times in a replay of a million events, which cost more CPU than it
     * saved.
     */
    static final class ReadAheadStream implements BlockingStream<TrackedEventMessage<?>> {

        static final int CHUNK = 500;

        private final BlockingStream<TrackedEventMessage<?>> source;
        private final EventDecoder decoder;
        private final BlockingQueue<List<TrackedEventMessage<?>>> ready;
        private final Thread reader;
        private volatile boolean closed;
        /** The reader is behind the head of the stream: more events follow at once (not: it waits for new ones). */
        private volatile boolean streaming;
        private volatile RuntimeException failure;
        /**
         * Payload types the processor has no handler for, as it tells the stream ({@link #skipMessagesWithPayloadTypeOf}):
         * the reader leaves their events undecoded. In a replay of analytics a fifth of the events (a draft asked for,
         * carrying the review's author and text, both sealed) were decoded and decrypted for nothing.
         */
        private final Set<Class<?>> notHandled = ConcurrentHashMap.newKeySet();
        /** The chunk being handed out, and the position of the next event in it (processor's thread only). */
        private List<TrackedEventMessage<?>> chunk = List.of();
        private int position;

        ReadAheadStream(BlockingStream<TrackedEventMessage<?>> source, int capacity, String threadName) {
            this(source, capacity, threadName, EventDecoder.EVERYTHING);
        }

        ReadAheadStream(BlockingStream<TrackedEventMessage<?>> source, int capacity, String threadName,
                        EventDecoder decoder) {
            this.source = source;
            this.decoder = decoder;
            this.ready = new ArrayBlockingQueue<>(Math.max(2, (capacity + CHUNK - 1) / CHUNK));
            this.reader = new Thread(this::read, threadName);
            this.reader.setDaemon(true);
            this.reader.start();
        }

        private void read() {
            List<TrackedEventMessage<?>> reading = new ArrayList<>(CHUNK);
            try {
                while (!closed) {
                    // without waiting: true while the store has more (it may read the next rows to know)
                    boolean more = source.hasNextAvailable();
                    if (more) {
                        streaming = true;
                    } else {
                        // caught up: what was read goes to the processor now, then wait for new events
                        reading = handOver(reading);
                        streaming = false;
                        if (!source.hasNextAvailable((int) POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                            continue;
                        }
                    }
                    reading.add(decode(source.nextAvailable()));
                    if (reading.size() >= CHUNK) {
                        reading = handOver(reading);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                if (!closed) {
                    log.debug("Reading ahead stopped: {}", e.toString());
                    // the events read before the failure are handed over first
                    handOverQuietly(reading);
                    failure = e;
                }
            } finally {
                streaming = false;
                source.close();
            }
        }

        /** Queues the chunk, waiting for room while the processor is busy with the ones before it. */
        private List<TrackedEventMessage<?>> handOver(List<TrackedEventMessage<?>> events)
                throws InterruptedException {
            if (events.isEmpty()) {
                return events;
            }
            while (!closed && !ready.offer(events, POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                // no room yet
            }
            return new ArrayList<>(CHUNK);
        }

        private void handOverQuietly(List<TrackedEventMessage<?>> events) {
            try {
                handOver(events);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** Decodes what a handler will need here, on the reader's thread (see {@link EventDecoder}). */
        private TrackedEventMessage<?> decode(TrackedEventMessage<?> event) {
            try {
                if (notHandled.contains(event.getPayloadType())) {
                    return event; // the processor passes it by, undecoded
                }
                return decoder.decode(event);
            } catch (RuntimeException unreadable) {
                // handed over as it is: the processor meets the problem when it handles this event
                return event;
            }
        }

        /**
         * The next event, without taking it. While the reader is behind the head (a replay) this waits for its next
         * chunk like {@link #hasNextAvailable()}: Axon's tracking processor fills its batch while {@code peek()}
         * finds an event, and a batch cut at every chunk boundary wrote the same analytics rows over and over (45
         * batches of a replay of 300,000 events instead of 35, PostgreSQL's CPU 3.3 s instead of 2.6–2.9 s;
         * docs/benchmarks.md).
         */
        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return hasNextAvailable() ? Optional.of(chunk.get(position)) : Optional.empty();
        }

        /**
         * Whether an event is available without waiting for a new one to be appended. While the reader is behind the
         * head (a replay) and only busy reading the next rows, this waits for them (up to a second), so that a
         * replay's batches are full rather than cut short whenever the processor overtakes the reader. Once the
         * reader has caught up, it answers at once, so a live event is handled in a batch of its own as soon as it
         * is read.
         */
        @Override
        public boolean hasNextAvailable() {
            if (!ready()) {
                takeChunk(ready.poll());
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
            try {
                while (!ready() && streaming && !closed && System.nanoTime() < deadline) {
                    takeChunk(ready.poll(5, TimeUnit.MILLISECONDS));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (!ready()) {
                rethrowFailure();
            }
            return ready();
        }

        /** Waits for the next event; a failure of the reader ends the wait within 100 ms. */
        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            long deadline = System.nanoTime() + unit.toNanos(timeout);
            while (!ready()) {
                long left = deadline - System.nanoTime();
                takeChunk(ready.poll(Math.max(0, Math.min(left, TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS))),
                        TimeUnit.NANOSECONDS));
                if (!ready()) {
                    rethrowFailure();
                    if (left <= 0 || closed) {
                        return false;
                    }
                }
            }
            return true;
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            while (!ready()) {
                takeChunk(ready.poll(POLL_MILLIS, TimeUnit.MILLISECONDS));
                if (!ready()) {
                    rethrowFailure();
                    if (closed) {
                        throw new IllegalStateException("The stream is closed");
                    }
                }
            }
            return chunk.get(position++);
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            notHandled.add(ignoredMessage.getPayloadType());
            source.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        /** Stops the reader; it closes the underlying stream when it sees the flag (within 100 ms). */
        @Override
        public void close() {
            closed = true;
            ready.clear();
            chunk = List.of();
            position = 0;
        }

        private boolean ready() {
            return position < chunk.size();
        }

        private void takeChunk(List<TrackedEventMessage<?>> taken) {
            if (taken != null) {
                chunk = taken;
                position = 0;
            }
        }

        private void rethrowFailure() {
            RuntimeException e = failure;
            if (e != null && ready.isEmpty()) {
                throw e;
            }
        }
    }
}
