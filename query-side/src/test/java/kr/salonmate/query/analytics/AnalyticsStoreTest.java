package kr.salonmate.query.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import kr.salonmate.query.support.ProjectionTest;
import org.junit.jupiter.api.Test;

/** Instants travel to PostgreSQL as microseconds since the epoch and mean there what their text would mean. */
class AnalyticsStoreTest extends ProjectionTest {

    @Test
    void anInstantSentAsMicrosecondsIsTheTimestampPostgresqlReadsFromItsText() {
        for (String text : new String[]{"2026-10-20T09:15:30Z", "2026-10-20T09:15:30.123456Z",
                "2026-10-20T09:15:30.123456400Z", "2026-10-20T09:15:30.123456600Z", "1969-12-31T23:59:59.999999Z",
                "1900-03-01T12:00:00.5Z", "2199-12-31T23:59:59.999999Z"}) {
            Instant instant = Instant.parse(text);
            Boolean same = jdbc.queryForObject(
                    "SELECT timestamptz 'epoch' + ? * interval '1 microsecond' = ?::timestamptz", Boolean.class,
                    AnalyticsStore.micros(instant), instant.toString());
            assertThat(same).as(text).isTrue();
        }
        assertThat(AnalyticsStore.micros(null)).isNull();
        // PostgreSQL multiplies the interval in double precision: exact to the microsecond until the 2250s, and
        // within a few microseconds up to the year 9999
        Double apart = jdbc.queryForObject("SELECT abs(extract(epoch FROM (timestamptz 'epoch' + ? * "
                + "interval '1 microsecond') - ?::timestamptz))", Double.class,
                AnalyticsStore.micros(Instant.parse("9999-12-31T23:59:59.999999Z")), "9999-12-31T23:59:59.999999Z");
        assertThat(apart).isLessThan(0.000_1);
    }
}
