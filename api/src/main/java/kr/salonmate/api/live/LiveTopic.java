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
    /** The same topic as RabbitMQ's STOMP plugin takes it: a routing key of dot-separated words. */
    private static final Pattern RELAY_DESTINATION = Pattern.compile(
            "/topic/shops\\.([0-9a-fA-F-]{36})\\.(reviews|posts|dashboard)");

    public static Optional<LiveTopic> parse(String destination) {
        return parse(DESTINATION, destination);
    }

    /** A topic from its relay form ({@link #relayDestination()}). */
    public static Optional<LiveTopic> parseRelayed(String destination) {
        return parse(RELAY_DESTINATION, destination);
    }

    private static Optional<LiveTopic> parse(Pattern pattern, String destination) {
        if (destination == null) {
            return Optional.empty();
        }
        Matcher m = pattern.matcher(destination);
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

    /** The destination clients subscribe to (API.md). */
    public String destination() {
        return "/topic/shops/" + shopId + "/" + kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The destination on RabbitMQ: {@code /topic/shops.{shopId}.reviews}. RabbitMQ's STOMP plugin takes what follows
     * {@code /topic/} as a topic exchange routing key and refuses slashes in it.
     */
    public String relayDestination() {
        return "/topic/shops." + shopId + "." + kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
