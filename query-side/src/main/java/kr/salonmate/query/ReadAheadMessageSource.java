package kr.salonmate.query;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
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
 * decoded is left as it is: its own handling meets the problem, and only that event is dead-lettered.
 */
public final class ReadAheadMessageSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(ReadAheadMessageSource.class);
    private static final long POLL_MILLIS = 100;
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final StreamableMessageSource<TrackedEventMessage<?>> delegate;
    private final int capacity;
    private final String name;

    /**
     * @param delegate the source to read from (the event store)
     * @param capacity how many events a stream holds ready at most; 0 reads the delegate's streams as they are
     * @param name     names the read-ahead threads ({@code name-read-ahead-n})
     */
    public ReadAheadMessageSource(StreamableMessageSource<TrackedEventMessage<?>> delegate, int capacity,
                                  String name) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must not be negative, was " + capacity);
        }
        this.delegate = delegate;
        this.capacity = capacity;
        this.name = name;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        if (capacity == 0) {
            return delegate.openStream(trackingToken);
        }
        return new ReadAheadStream(delegate.openStream(trackingToken), capacity,
                name + "-read-ahead-" + THREADS.incrementAndGet());
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

    /** One stream: a reader thread fills the queue, the processor's thread empties it. */
    static final class ReadAheadStream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> source;
        private final BlockingQueue<TrackedEventMessage<?>> ready;
        private final Thread reader;
        private volatile boolean closed;
        private volatile RuntimeException failure;
        /** The event peeked at or waited for, taken from the queue but not yet handed out (processor's thread). */
        private TrackedEventMessage<?> next;

        ReadAheadStream(BlockingStream<TrackedEventMessage<?>> source, int capacity, String threadName) {
            this.source = source;
            this.ready = new ArrayBlockingQueue<>(capacity);
            this.reader = new Thread(this::read, threadName);
            this.reader.setDaemon(true);
            this.reader.start();
        }

        private void read() {
            try {
                while (!closed) {
                    if (!source.hasNextAvailable((int) POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                        continue;
                    }
                    TrackedEventMessage<?> event = source.nextAvailable();
                    decode(event);
                    while (!closed && !ready.offer(event, POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                        // the processor is busy with the events before it: wait for room
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                if (!closed) {
                    log.debug("Reading ahead stopped: {}", e.toString());
                    failure = e;
                }
            } finally {
                source.close();
            }
        }

        /** Decodes what a handler will need here, on the reader's thread; the message keeps what it decoded. */
        private static void decode(TrackedEventMessage<?> event) {
            try {
                event.getTimestamp();
                event.getMetaData();
                event.getPayload();
            } catch (RuntimeException unreadable) {
                // the event's own handling meets the problem, and only that event is dead-lettered
            }
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            if (next == null) {
                next = ready.poll();
            }
            if (next == null) {
                rethrowFailure();
            }
            return Optional.ofNullable(next);
        }

        /** Waits for the next event; a failure of the reader ends the wait within 100 ms. */
        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            long deadline = System.nanoTime() + unit.toNanos(timeout);
            while (next == null) {
                long left = deadline - System.nanoTime();
                next = ready.poll(Math.max(0, Math.min(left, TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS))),
                        TimeUnit.NANOSECONDS);
                if (next == null) {
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
            while (next == null) {
                next = ready.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (next == null) {
                    rethrowFailure();
                    if (closed) {
                        throw new IllegalStateException("The stream is closed");
                    }
                }
            }
            TrackedEventMessage<?> event = next;
            next = null;
            return event;
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            source.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        /** Stops the reader; it closes the underlying stream when it sees the flag (within 100 ms). */
        @Override
        public void close() {
            closed = true;
            ready.clear();
            next = null;
        }

        private void rethrowFailure() {
            RuntimeException e = failure;
            if (e != null && ready.isEmpty()) {
                throw e;
            }
        }
    }
}
