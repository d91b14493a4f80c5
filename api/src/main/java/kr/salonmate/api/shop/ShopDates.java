package kr.salonmate.api.shop;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import kr.salonmate.api.error.ApiException;
import kr.salonmate.api.readmodel.ReadModels;
import kr.salonmate.messages.shop.ShopId;
import kr.salonmate.messages.shop.ShopView;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The {@code from}/{@code to} parameters of the audit and analytics endpoints: dates ({@code 2026-11-01}),
 * inclusive, in the shop's time zone; by default the last 30 days, today included.
 */
@Component
public class ShopDates {

    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Seoul");
    static final int DEFAULT_DAYS = 30;
    static final long MAX_DAYS = 3_660;
    private static final LocalDate EARLIEST = LocalDate.of(1970, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(9999, 12, 30);

    private final ReadModels readModels;
    private final Clock clock;

    public ShopDates(ReadModels readModels, Clock clock) {
        this.readModels = readModels;
        this.clock = clock;
    }

    /** Dates of one shop: {@code start()} and {@code end()} are the instants of the range, end exclusive. */
    public record Range(LocalDate from, LocalDate to, ZoneId zone) {

        public Instant start() {
            return from.atStartOfDay(zone).toInstant();
        }

        public Instant end() {
            return to.plusDays(1).atStartOfDay(zone).toInstant();
        }
    }

    /** Checks and completes the parameters; every bad one is named in the 400 answer's details. */
    public Range range(ShopId shop, String from, String to) {
        ZoneId zone = zoneOf(shop);
        Map<String, Object> problems = new LinkedHashMap<>();
        LocalDate fromDate = date("from", from, problems);
        LocalDate toDate = date("to", to, problems);
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        if (toDate == null) {
            toDate = fromDate != null && fromDate.isAfter(today) ? fromDate : today;
        }
        if (fromDate == null) {
            fromDate = toDate.minusDays(DEFAULT_DAYS - 1);
        }
        if (fromDate.isAfter(toDate)) {
            problems.put("from", "must not be after to");
        } else if (ChronoUnit.DAYS.between(fromDate, toDate) >= MAX_DAYS) {
            problems.put("to", "the range may span at most " + MAX_DAYS + " days");
        }
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        return new Range(fromDate, toDate, zone);
    }

    /** The shop's time zone as the read side knows it (the product's default until the shop view has it). */
    public ZoneId zoneOf(ShopId shop) {
        return readModels.shop(shop).map(ShopView::timezone).map(ShopDates::zone).orElse(DEFAULT_ZONE);
    }

    private static ZoneId zone(String id) {
        try {
            return id == null || id.isBlank() ? DEFAULT_ZONE : ZoneId.of(id);
        } catch (DateTimeException e) {
            return DEFAULT_ZONE;
        }
    }

    private static LocalDate date(String name, String value, Map<String, Object> problems) {
        if (value == null) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value.strip());
            if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
                problems.put(name, "must be between " + EARLIEST + " and " + LATEST);
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            problems.put(name, "must be a date like 2026-11-01");
            return null;
        }
    }

    private static ApiException invalid(Map<String, Object> problems) {
        return new ApiException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED",
                "Some parameters are not valid: " + String.join(", ", problems.keySet()), Map.of("fields", problems));
    }

    /** An enum parameter, case-insensitive; null when absent, 400 naming the allowed values when unknown. */
    public static <E extends Enum<E>> E option(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value.strip())) {
                return constant;
            }
        }
        throw ApiException.validation(name, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
    }
}
