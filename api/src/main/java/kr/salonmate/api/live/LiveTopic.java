package kr.salonmate.api.live;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A live topic of one shop: {@code /topic/shops/{shopId}/reviews|posts|dashboard}. */
public record LiveTopic(UUID shopId, Kind kind) {

    public enum Kind { REVIEWS, POSTS, DASHBOARD }

    private static final Pattern DESTINATION = Pattern.compile(
            "/topic/shops/([0-9a-fA-F-]{36})/(reviews|posts|dashboard)");

    public static Optional<LiveTopic> parse(String destination) {
        if (destination == null) {
            return Optional.empty();
        }
        Matcher m = DESTINATION.matcher(destination);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new LiveTopic(UUID.fromString(m.group(1)),
                    Kind.valueOf(m.group(2).toUpperCase(java.util.Locale.ROOT))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public String destination() {
        return "/topic/shops/" + shopId + "/" + kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
