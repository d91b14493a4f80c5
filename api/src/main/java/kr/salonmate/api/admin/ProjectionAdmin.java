package kr.salonmate.api.admin;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import kr.salonmate.api.error.ApiException;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The platform operator's view of the streaming processors (projections and sagas) and the replay of a
 * projection from the first event.
 *
 * <p>A replay stops the processor on this node, resets its tokens (Axon calls the projection's
 * {@code @ResetHandler}, which clears its tables, in the same transaction) and starts it again; it then reads
 * every event from the first while the other processors keep serving. Resetting needs every segment's token
 * claim: when another node still holds one, nothing is reset, the processor is started again here, and the
 * answer is 409 naming the nodes that hold claims. docs/operations.md describes the procedure for several nodes.
 */
@Service
public class ProjectionAdmin {

    private static final Logger log = LoggerFactory.getLogger(ProjectionAdmin.class);

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    public ProjectionAdmin(EventProcessingConfiguration processing, EventStore eventStore, JdbcTemplate jdbc,
                           org.axonframework.config.Configuration axon) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.serializer = axon.serializer();
    }

    /** One processor as the admin API shows it. */
    public record ProjectionStatus(String name, long position, long headPosition, long lag, boolean replaying,
                                   double progress) {
    }

    public List<ProjectionStatus> all() {
        long head = head();
        List<ProjectionStatus> result = new ArrayList<>();
        processors().keySet().stream().sorted().forEach(name -> result.add(status(name, head)));
        return result;
    }

    public ProjectionStatus one(String name) {
        processor(name);
        return status(name, head());
    }

    public void replay(String name) {
        StreamingEventProcessor processor = processor(name);
        if (!processor.supportsReset()) {
            throw new ApiException(HttpStatus.CONFLICT, "CONFLICT", "Processor " + name + " cannot be replayed: it "
                    + "has side effects (a saga or policy), so it never reads past events again");
        }
        log.info("Replaying projection {}: stopping it on this node", name);
        processor.shutDown();
        try {
            processor.resetTokens();
        } catch (RuntimeException e) {
            List<String> owners = owners(name);
            log.warn("Could not reset {} (claims held by {}): {}", name, owners, e.toString());
            throw new ApiException(HttpStatus.CONFLICT, "CONFLICT", "Projection " + name + " could not be reset: "
                    + "stop it on the other nodes first (see docs/operations.md)", Map.of("claimedBy", owners));
        } finally {
            processor.start();
        }
        log.info("Replaying projection {}: tokens reset, rebuilding from the first event", name);
    }

    private ProjectionStatus status(String name, long head) {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT segment, token, token_type FROM token_entry WHERE processor_name = ? ORDER BY segment", name);
        int[] ids = rows.stream().mapToInt(row -> ((Number) row.get("segment")).intValue()).toArray();
        List<ReplayProgress.Segment> segments = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            int id = ((Number) row.get("segment")).intValue();
            Segment segment = Segment.computeSegment(id, ids);
            segments.add(new ReplayProgress.Segment(1.0 / (segment.getMask() + 1),
                    token((byte[]) row.get("token"), (String) row.get("token_type"))));
        }
        ReplayProgress progress = ReplayProgress.of(segments, head);
        return new ProjectionStatus(name, progress.position(), progress.headPosition(), progress.lag(),
                progress.replaying(), progress.progress());
    }

    private TrackingToken token(byte[] data, String type) {
        if (data == null || type == null) {
            return null;
        }
        return serializer.deserialize(new SimpleSerializedObject<>(data, byte[].class,
                new SimpleSerializedType(type, null)));
    }

    private List<String> owners(String name) {
        Set<String> owners = new TreeSet<>(Comparator.naturalOrder());
        owners.addAll(jdbc.queryForList("SELECT owner FROM token_entry WHERE processor_name = ? AND owner IS NOT NULL",
                String.class, name));
        return List.copyOf(owners);
    }

    private long head() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? 0 : head.position().orElse(0);
    }

    private Map<String, StreamingEventProcessor> processors() {
        Map<String, StreamingEventProcessor> result = new java.util.TreeMap<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                result.put(name, streaming);
            }
        });
        return result;
    }

    private StreamingEventProcessor processor(String name) {
        return Optional.ofNullable(processors().get(name)).orElseThrow(() -> ApiException.notFound("NOT_FOUND",
                "There is no projection or processor named " + name, Map.of("name", name)));
    }
}
