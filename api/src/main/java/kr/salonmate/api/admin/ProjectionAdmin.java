package kr.salonmate.api.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.salonmate.api.error.ApiException;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The platform operator's view of the streaming processors (projections and sagas): positions, head, lag and
 * replay progress, read from {@code token_entry} so that every segment counts whichever node has claimed it.
 * Replays are {@link ReplayCoordinator}'s.
 */
@Service
public class ProjectionAdmin {

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

    /**
     * One processor as the admin API shows it; {@code replay} is its last replay request (null: none yet), filled
     * in by {@link ReplayCoordinator#withReplay}.
     */
    public record ProjectionStatus(String name, long position, long headPosition, long lag, boolean replaying,
                                   double progress, ProjectionReplay replay) {

        ProjectionStatus withReplay(ProjectionReplay replay) {
            return new ProjectionStatus(name, position, headPosition, lag, replaying, progress, replay);
        }
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

    /** Where the processor stands now, from its tokens. */
    ReplayProgress progress(String name) {
        return progress(name, head());
    }

    /** The streaming processor of that name on this node; 404 when there is none. */
    StreamingEventProcessor streaming(String name) {
        return processor(name);
    }

    /** The streaming processor of that name on this node, if it runs one. */
    Optional<StreamingEventProcessor> local(String name) {
        return Optional.ofNullable(processors().get(name));
    }

    private ProjectionStatus status(String name, long head) {
        ReplayProgress progress = progress(name, head);
        return new ProjectionStatus(name, progress.position(), progress.headPosition(), progress.lag(),
                progress.replaying(), progress.progress(), null);
    }

    private ReplayProgress progress(String name, long head) {
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
        return ReplayProgress.of(segments, head);
    }

    private TrackingToken token(byte[] data, String type) {
        if (data == null || type == null) {
            return null;
        }
        return serializer.deserialize(new SimpleSerializedObject<>(data, byte[].class,
                new SimpleSerializedType(type, null)));
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
