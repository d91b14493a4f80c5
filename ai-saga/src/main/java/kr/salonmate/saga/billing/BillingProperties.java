package kr.salonmate.saga.billing;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code salonmate.billing.*}: how long a paid period lasts ({@code SALONMATE_BILLING_PERIOD}, ISO-8601: {@code P1M}
 * or, in tests, {@code PT20S}) and the waits before retrying a failed renewal ({@code SALONMATE_BILLING_RETRY_DELAYS},
 * comma separated); after the last retry fails the shop falls back to FREE.
 *
 * @param upstreamRetry wait before asking Toss again when it did not answer (5xx, timeout, connection lost); such
 *                      a try is not a card failure and counts against no retry
 */
@ConfigurationProperties("salonmate.billing")
public record BillingProperties(@DefaultValue("P1M") String period, @DefaultValue("P1D,P3D") String retryDelays,
                                @DefaultValue("PT10M") Duration upstreamRetry) {

    /** The end of a period that starts at {@code start} (months are calendar months in {@code zone}). */
    public Instant periodEnd(Instant start, String zone) {
        String text = period.strip();
        if (text.contains("T")) {
            return start.plus(Duration.parse(text));
        }
        Period length = Period.parse(text);
        return start.atZone(ZoneId.of(zone == null ? "Asia/Seoul" : zone)).plus(length).toInstant();
    }

    public List<Duration> retryDelayList() {
        List<Duration> delays = new ArrayList<>();
        for (String part : retryDelays.split(",")) {
            String text = part.strip();
            if (text.isEmpty()) {
                continue;
            }
            delays.add(text.contains("T") ? Duration.parse(text) : Duration.ofDays(Period.parse(text).getDays()));
        }
        return delays;
    }
}
