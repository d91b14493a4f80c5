package kr.salonmate.api.admin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import kr.salonmate.api.error.ApiException;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The events projections could not handle, per processing group, and their retry. A projection that fails on an
 * event parks it, and every later event of the same sequence (a review, for analytics a shop), in its dead-letter
 * queue; a retry hands each sequence to Axon's {@link SequencedDeadLetterProcessor}, which handles its letters in
 * order and takes them out of the queue when they succeed (a letter that fails again stays, with the new error).
 */
@Service
public class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final EventProcessingConfiguration processing;
    private final ExecutorService retries = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "dead-letter-retry");
        thread.setDaemon(true);
        return thread;
    });

    public DeadLetters(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    /** One parked event and why. */
    public record Letter(String group, String eventId, String eventType, String aggregateId, Long sequenceNumber,
                         Instant eventTimestamp, Instant enqueuedAt, Instant lastTouched, Error error) {
    }

    public record Error(String type, String message) {
    }

    public record Listing(List<Letter> items, int page, int size, long total) {
    }

    public record RetryStarted(String group, long sequences) {
    }

    /** Every group with a dead-letter queue, or just {@code group}. */
    public Listing list(String group, int page, int size) {
        List<String> groups = group == null ? groups() : List.of(known(group));
        List<Letter> letters = new ArrayList<>();
        long skip = (long) page * size;
        long total = 0;
        for (String name : groups) {
            SequencedDeadLetterQueue<EventMessage<?>> queue = processing.deadLetterQueue(name).orElseThrow();
            for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
                for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                    if (total >= skip && letters.size() < size) {
                        letters.add(letter(name, letter));
                    }
                    total++;
                }
            }
        }
        return new Listing(letters, page, size, total);
    }

    /** Starts processing the group's dead letters again, in the background; answers how many sequences it has. */
    public RetryStarted retry(String group) {
        String name = known(group);
        SequencedDeadLetterQueue<EventMessage<?>> queue = processing.deadLetterQueue(name).orElseThrow();
        SequencedDeadLetterProcessor<EventMessage<?>> processor =
                processing.sequencedDeadLetterProcessor(name).orElseThrow();
        long sequences = queue.amountOfSequences();
        retries.submit(() -> {
            long succeeded = 0;
            for (long i = 0; i < sequences; i++) {
                try {
                    if (processor.processAny()) {
                        succeeded++;
                    }
                } catch (RuntimeException e) {
                    log.warn("Retrying a dead-letter sequence of {} failed: {}", name, e.toString());
                }
            }
            log.info("Retried {} dead-letter sequence(s) of {}: {} handled, {} still parked", sequences, name,
                    succeeded, queue.amountOfSequences());
        });
        return new RetryStarted(name, sequences);
    }

    private List<String> groups() {
        return processing.eventProcessors().keySet().stream().sorted()
                .filter(name -> processing.deadLetterQueue(name).isPresent()).toList();
    }

    private String known(String group) {
        if (processing.deadLetterQueue(group).isEmpty()) {
            throw ApiException.notFound("NOT_FOUND", "There is no processing group with a dead-letter queue named "
                    + group, Map.of("group", group));
        }
        return group;
    }

    private static Letter letter(String group, DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> message = letter.message();
        DomainEventMessage<?> domain = message instanceof DomainEventMessage<?> d ? d : null;
        Error error = letter.cause().map(c -> new Error(c.type(), c.message())).orElse(null);
        return new Letter(group, message.getIdentifier(), message.getPayloadType().getName(),
                domain == null ? null : domain.getAggregateIdentifier(),
                domain == null ? null : domain.getSequenceNumber(), message.getTimestamp(), letter.enqueuedAt(),
                letter.lastTouched(), error);
    }
}
