package kr.salonmate.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.SplittableRandom;
import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;

/** The quick reading of stored timestamps gives exactly what Axon's parser gives, and leaves the rest to it. */
class StoredTimestampsTest {

    @Test
    void whatAxonWritesIsReadAsAxonReadsIt() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 100_000; i++) {
            Instant at = Instant.ofEpochSecond(random.nextLong(0, 253_402_300_799L), random.nextInt(1_000_000_000));
            if (i % 3 == 0) {
                at = Instant.ofEpochMilli(at.toEpochMilli()); // the usual case: milliseconds
            } else if (i % 3 == 1) {
                at = Instant.ofEpochSecond(at.getEpochSecond()); // whole seconds
            }
            String stored = DateTimeUtils.formatInstant(at);
            // Axon writes milliseconds: what it reads back is the reference, not the instant before writing
            assertThat(StoredTimestamps.quick(stored)).as(stored).isEqualTo(DateTimeUtils.parseInstant(stored));
        }
    }

    @Test
    void everyFractionLengthAndTheCalendarsCornersAreRead() {
        assertThat(StoredTimestamps.quick("2026-12-07T05:10:08Z")).isEqualTo(Instant.parse("2026-12-07T05:10:08Z"));
        assertThat(StoredTimestamps.quick("2026-12-07T05:10:08.5Z")).isEqualTo(Instant.parse("2026-12-07T05:10:08.5Z"));
        assertThat(StoredTimestamps.quick("2026-12-07T05:10:08.123456789Z"))
                .isEqualTo(Instant.parse("2026-12-07T05:10:08.123456789Z"));
        assertThat(StoredTimestamps.quick("2024-02-29T23:59:59.999Z"))
                .isEqualTo(Instant.parse("2024-02-29T23:59:59.999Z"));
        assertThat(StoredTimestamps.quick("1970-01-01T00:00:00Z")).isEqualTo(Instant.EPOCH);
    }

    @Test
    void anythingElseGoesToAxonsParser() {
        assertThat(StoredTimestamps.quick("2026-12-07T05:10:08+09:00")).isNull();
        assertThat(StoredTimestamps.parse("2026-12-07T05:10:08+09:00"))
                .isEqualTo(DateTimeUtils.parseInstant("2026-12-07T05:10:08+09:00"));
        assertThat(StoredTimestamps.quick("2026-02-30T00:00:00Z")).isNull();
        assertThat(StoredTimestamps.quick("2026-12-07T24:00:00Z")).isNull();
        assertThat(StoredTimestamps.quick("2026-12-07T05:10:08.Z")).isNull();
        assertThat(StoredTimestamps.quick("2026-12-07T05:10:08.1234567891Z")).isNull();
        assertThat(StoredTimestamps.quick("2026-12-07 05:10:08Z")).isNull();
        assertThat(StoredTimestamps.quick("+12026-12-07T05:10:08Z")).isNull();
    }
}
