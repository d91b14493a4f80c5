package kr.salonmate.api.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import kr.salonmate.messages.privacy.PersonalData;
import org.axonframework.serialization.Revision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A one-off job at start (ADR 20): events stored before V60 hold personal data in plain text. An upcaster could only
 * hide it on reading, the plain bytes would stay in the table and survive an erasure; so the rows are rewritten once,
 * each event read and written again through the serializer, which seals its personal fields with their subjects'
 * keys. Only rows with a value stored in plain text are updated; snapshots (caches of aggregate state that may hold
 * plain copies)
 * are deleted and are taken again as aggregates grow. Dead letters (events a projection could not handle, kept
 * with their payload for a retry) are rewritten the same way, as a second job: databases where the first job had
 * run before dead letters were covered get that one too. Done once per database: each job's row in
 * {@code personal_data_migration} says so; a PostgreSQL advisory lock keeps two nodes starting together from both
 * doing it. Until it has run, plain values are read as they are, so nothing waits for it.
 */
@Component
@Order(0)
class PlainTextReEncryption implements ApplicationRunner {

    static final String JOB = "events-v60-encrypt-personal-data";
    static final String DEAD_LETTERS_JOB = "dead-letters-v60-encrypt-personal-data";
    private static final long LOCK = 0x5EC0_0060L;
    private static final int BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(PlainTextReEncryption.class);

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate transactions;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final Map<String, Class<?>> personalTypes = new ConcurrentHashMap<>();
    private final Set<String> plainTypes = ConcurrentHashMap.newKeySet();

    PlainTextReEncryption(JdbcTemplate jdbc, DataSource dataSource, TransactionTemplate transactions,
                          @Qualifier("defaultAxonObjectMapper") ObjectMapper mapper, Clock clock) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.mapper = mapper;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        if (done(JOB) && done(DEAD_LETTERS_JOB)) {
            return;
        }
        try (Connection lockHolder = dataSource.getConnection(); Statement statement = lockHolder.createStatement()) {
            try (ResultSet locked = statement.executeQuery("SELECT pg_try_advisory_lock(" + LOCK + ")")) {
                if (!locked.next() || !locked.getBoolean(1)) {
                    log.info("Another node is re-encrypting personal data in stored events");
                    return;
                }
            }
            try {
                if (!done(JOB)) {
                    long changed = reEncryptAll();
                    markDone(JOB, changed);
                    log.info("Personal data in stored events is encrypted now ({} events rewritten)", changed);
                }
                if (!done(DEAD_LETTERS_JOB)) {
                    long changed = reEncryptDeadLetters();
                    markDone(DEAD_LETTERS_JOB, changed);
                    log.info("Personal data in dead letters is encrypted now ({} dead letters rewritten)", changed);
                }
            } finally {
                statement.execute("SELECT pg_advisory_unlock(" + LOCK + ")");
            }
        }
    }

    private void markDone(String job, long changed) {
        jdbc.update("INSERT INTO personal_data_migration (name, done_at, rows_changed) VALUES (?, ?, ?) "
                + "ON CONFLICT (name) DO NOTHING", job, Timestamp.from(clock.instant()), changed);
    }

    /** Rewrites every dead letter whose event holds plain personal data; returns how many rows changed. */
    long reEncryptDeadLetters() {
        String after = "";
        long changed = 0;
        while (true) {
            String from = after;
            List<DeadLetterRow> rows = jdbc.query("""
                    SELECT dead_letter_id, payload_type, payload_revision, payload FROM dead_letter_entry
                    WHERE dead_letter_id > ? ORDER BY dead_letter_id LIMIT ?""",
                    (rs, i) -> new DeadLetterRow(rs.getString(1), new Row(-1, rs.getString(2), rs.getString(3),
                            rs.getBytes(4))), from, BATCH);
            if (rows.isEmpty()) {
                return changed;
            }
            Long batchChanged = transactions.execute(status -> {
                long n = 0;
                for (DeadLetterRow row : rows) {
                    byte[] sealed = reEncrypted(row.event());
                    if (sealed != null) {
                        jdbc.update("UPDATE dead_letter_entry SET payload = ? WHERE dead_letter_id = ?", sealed,
                                row.id());
                        n++;
                    }
                }
                return n;
            });
            changed += batchChanged == null ? 0 : batchChanged;
            after = rows.get(rows.size() - 1).id();
        }
    }

    private record DeadLetterRow(String id, Row event) {
    }

    /** Rewrites every stored event with plain personal data; returns how many rows changed. */
    long reEncryptAll() {
        long after = -1;
        long changed = 0;
        while (true) {
            long from = after;
            List<Row> rows = jdbc.query("""
                    SELECT global_index, payload_type, payload_revision, payload FROM domain_event_entry
                    WHERE global_index > ? ORDER BY global_index LIMIT ?""",
                    (rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBytes(4)), from, BATCH);
            if (rows.isEmpty()) {
                break;
            }
            Long batchChanged = transactions.execute(status -> {
                long n = 0;
                for (Row row : rows) {
                    byte[] sealed = reEncrypted(row);
                    if (sealed != null) {
                        jdbc.update("UPDATE domain_event_entry SET payload = ? WHERE global_index = ?", sealed,
                                row.globalIndex());
                        n++;
                    }
                }
                return n;
            });
            changed += batchChanged == null ? 0 : batchChanged;
            after = rows.get(rows.size() - 1).globalIndex();
        }
        jdbc.update("DELETE FROM snapshot_event_entry");
        return changed;
    }

    private record Row(long globalIndex, String type, String revision, byte[] payload) {
    }

    /** The event's bytes with its personal fields sealed, or {@code null} when nothing changes. */
    private byte[] reEncrypted(Row row) {
        Class<?> type = personalType(row.type());
        if (type == null) {
            return null;
        }
        Revision revision = type.getAnnotation(Revision.class);
        if (revision != null && !revision.value().equals(row.revision())) {
            // an older revision goes through upcasters when read; rewriting it here would skip them
            log.warn("Event {} of {} revision {} is left as it is (current revision {})", row.globalIndex(),
                    row.type(), row.revision(), revision.value());
            return null;
        }
        try {
            byte[] again = mapper.writeValueAsBytes(mapper.readValue(row.payload(), type));
            if (Arrays.equals(again, row.payload())
                    || !plainValueSealed(mapper.readTree(row.payload()), mapper.readTree(again))) {
                return null; // nothing personal in plain text (sealed values differ only by their random IV)
            }
            return again;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Event " + (row.globalIndex() < 0 ? "in a dead letter" : row.globalIndex())
                    + " (" + row.type() + ") cannot be re-encrypted", e);
        }
    }

    /** Whether a value stored in plain text is written differently now (sealed, or as the erased placeholder). */
    static boolean plainValueSealed(JsonNode stored, JsonNode again) {
        if (stored == null || again == null) {
            return stored != again;
        }
        if (stored.isTextual()) {
            return !PersonalDataCipher.isSealed(stored.asText()) && !stored.equals(again);
        }
        if (stored.isObject()) {
            for (var fields = stored.fieldNames(); fields.hasNext(); ) {
                String field = fields.next();
                if (plainValueSealed(stored.get(field), again.get(field))) {
                    return true;
                }
            }
            return false;
        }
        if (stored.isArray()) {
            for (int i = 0; i < stored.size(); i++) {
                if (plainValueSealed(stored.get(i), again.get(i))) {
                    return true;
                }
            }
        }
        return false;
    }

    private Class<?> personalType(String name) {
        if (name == null || plainTypes.contains(name)) {
            return null;
        }
        Class<?> known = personalTypes.get(name);
        if (known != null) {
            return known;
        }
        try {
            Class<?> type = Class.forName(name);
            if (holdsPersonalData(type, new HashSet<>())) {
                personalTypes.put(name, type);
                return type;
            }
        } catch (ClassNotFoundException e) {
            // a type no longer in the code: upcasters deal with it, nothing to do here
        }
        plainTypes.add(name);
        return null;
    }

    static boolean holdsPersonalData(Class<?> type, Set<Class<?>> seen) {
        if (type == null || type.isPrimitive() || !seen.add(type) || !type.getName().startsWith("kr.salonmate.")) {
            return false;
        }
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                if (component.isAnnotationPresent(PersonalData.class)
                        || holdsPersonalData(component.getType(), seen)) {
                    return true;
                }
            }
            return false;
        }
        for (Field field : type.getDeclaredFields()) {
            if (field.isAnnotationPresent(PersonalData.class) || holdsPersonalData(field.getType(), seen)) {
                return true;
            }
        }
        return false;
    }

    private boolean done(String job) {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM personal_data_migration WHERE name = ?", Integer.class,
                job);
        return n != null && n > 0;
    }
}
