package kr.salonmate.integration.google;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import kr.salonmate.saga.common.Backoff;
import kr.salonmate.saga.trace.MessageTrace;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Google Business Profile v4 reviews API and Google's OAuth token endpoint, over {@link HttpClient}.
 *
 * <ul>
 *   <li>Idempotent calls (token exchange, reads) are retried on 429, 5xx, timeouts and broken connections with
 *       exponential backoff and jitter, honouring {@code Retry-After}, at most {@code maxAttempts} times.</li>
 *   <li>{@link #putReply} is sent exactly once: whether to try again is the publishing saga's decision, after it
 *       has read the review again.</li>
 *   <li>Access tokens are cached per credential until a minute before they expire.</li>
 *   <li>Errors become {@link GoogleApiException} (with a transient flag) or {@link GoogleAuthRejected}.</li>
 * </ul>
 * Tokens never appear in exceptions or logs. Thread-safe.
 */
public class GoogleBusinessClient {

    private static final Logger log = LoggerFactory.getLogger(GoogleBusinessClient.class);
    private static final int MAX_PAGES = 500;

    private final GoogleProperties properties;
    private final HttpClient http;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Sleeper sleeper;
    private final Clock clock;
    private final ConcurrentMap<String, AccessToken> tokens = new ConcurrentHashMap<>();

    public GoogleBusinessClient(GoogleProperties properties) {
        this(properties, Sleeper.THREAD, Clock.systemUTC());
    }

    public GoogleBusinessClient(GoogleProperties properties, Sleeper sleeper, Clock clock) {
        this.properties = properties;
        this.sleeper = sleeper;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    // ---------------------------------------------------------------- tokens

    /** Exchanges a refresh token for a fresh access token (no cache; also used to check a token on connect). */
    public AccessToken exchangeRefreshToken(String refreshToken) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        if (properties.clientId() != null && !properties.clientId().isBlank()) {
            form.put("client_id", properties.clientId());
        }
        if (properties.clientSecret() != null && !properties.clientSecret().isBlank()) {
            form.put("client_secret", properties.clientSecret());
        }
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = MessageTrace.propagate(HttpRequest.newBuilder(URI.create(properties.tokenUrl())))
                .timeout(properties.readTimeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response = send(request, "token exchange", true, true);
        JsonNode node = parse(response, "token exchange");
        String accessToken = text(node.get("access_token"));
        if (accessToken == null || accessToken.isBlank()) {
            throw new GoogleApiException(response.statusCode(), "MALFORMED_RESPONSE",
                    "Google's token endpoint answered without an access token", true, null, null);
        }
        long expiresIn = node.path("expires_in").asLong(3599);
        String tokenType = text(node.get("token_type"));
        return new AccessToken(accessToken, tokenType == null ? "Bearer" : tokenType,
                clock.instant().plusSeconds(expiresIn));
    }

    /**
     * An access token for the credential named {@code credentialKey} (e.g. its vault reference): the cached one
     * while it has more than a minute left, else a fresh one from {@code refreshToken}.
     */
    public String accessToken(String credentialKey, String refreshToken) {
        AccessToken cached = tokens.get(credentialKey);
        Instant now = clock.instant();
        if (cached != null && cached.usableAt(now)) {
            return cached.value();
        }
        AccessToken fresh = exchangeRefreshToken(refreshToken);
        tokens.put(credentialKey, fresh);
        return fresh.value();
    }

    /** Drops a cached access token (after Google answered 401 to it). */
    public void forgetAccessToken(String credentialKey) {
        tokens.remove(credentialKey);
    }

    // ---------------------------------------------------------------- reviews

    /** One page of reviews ({@code pageToken} null for the first). */
    public ReviewPage listReviewsPage(String accountId, String locationId, String accessToken, String pageToken) {
        StringBuilder url = new StringBuilder(reviewsUrl(accountId, locationId)).append("?pageSize=50");
        if (pageToken != null && !pageToken.isBlank()) {
            url.append("&pageToken=").append(URLEncoder.encode(pageToken, StandardCharsets.UTF_8));
        }
        HttpResponse<String> response = send(get(url.toString(), accessToken), "list reviews", true, false);
        JsonNode node = parse(response, "list reviews");
        List<GoogleReview> reviews = new ArrayList<>();
        for (JsonNode review : node.path("reviews")) {
            reviews.add(review(review));
        }
        JsonNode average = node.get("averageRating");
        JsonNode total = node.get("totalReviewCount");
        String next = text(node.get("nextPageToken"));
        return new ReviewPage(List.copyOf(reviews),
                average != null && average.isNumber() ? average.asDouble() : null,
                total != null && total.isNumber() ? total.asInt() : null,
                next == null || next.isBlank() ? null : next);
    }

    /** Every review of the location, following {@code nextPageToken}. */
    public List<GoogleReview> listReviews(String accountId, String locationId, String accessToken) {
        List<GoogleReview> all = new ArrayList<>();
        eachReviewsPage(accountId, locationId, accessToken, all::addAll);
        return all;
    }

    /**
     * Every review of the location, handed to {@code page} a page at a time as Google serves them (following
     * {@code nextPageToken}): the caller works on a page while the next one is on its way.
     */
    public void eachReviewsPage(String accountId, String locationId, String accessToken,
                                Consumer<List<GoogleReview>> page) {
        Set<String> seenTokens = new HashSet<>();
        String pageToken = null;
        for (int pages = 0; pages < MAX_PAGES; pages++) {
            ReviewPage result = listReviewsPage(accountId, locationId, accessToken, pageToken);
            page.accept(result.reviews());
            pageToken = result.nextPageToken();
            if (pageToken == null || !seenTokens.add(pageToken)) {
                return;
            }
        }
        log.warn("Stopped listing reviews of accounts/{}/locations/{} after {} pages", accountId, locationId, MAX_PAGES);
    }

    /** One review; a {@link GoogleApiException} with status 404 when Google no longer has it. */
    public GoogleReview getReview(String accountId, String locationId, String reviewId, String accessToken) {
        String url = reviewsUrl(accountId, locationId) + "/" + segment(reviewId);
        HttpResponse<String> response = send(get(url, accessToken), "read review", true, false);
        return review(parse(response, "read review"));
    }

    /**
     * Sets the owner's reply to {@code text} (Google's update-reply). Sent once, never retried here: a timeout may
     * mean Google did apply it.
     */
    public GoogleReply putReply(String accountId, String locationId, String reviewId, String text, String accessToken) {
        String url = reviewsUrl(accountId, locationId) + "/" + segment(reviewId) + "/reply";
        String body = json.writeValueAsString(Map.of("comment", text));
        HttpRequest request = MessageTrace.propagate(HttpRequest.newBuilder(URI.create(url)))
                .timeout(properties.readTimeout())
                .header("Authorization", "Bearer " + accessToken)
                .header("Content-Type", "application/json; charset=UTF-8")
                .header("Accept", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response = send(request, "publish reply", false, false);
        JsonNode node = parse(response, "publish reply");
        String comment = text(node.get("comment"));
        return new GoogleReply(comment == null ? text : comment, instant(node.get("updateTime")));
    }

    // ---------------------------------------------------------------- HTTP

    private HttpRequest get(String url, String accessToken) {
        return MessageTrace.propagate(HttpRequest.newBuilder(URI.create(url)))
                .timeout(properties.readTimeout())
                .header("Authorization", "Bearer " + accessToken)
                .header("Accept", "application/json")
                .GET()
                .build();
    }

    private String reviewsUrl(String accountId, String locationId) {
        return properties.apiBaseUrl() + "/v4/accounts/" + segment(accountId) + "/locations/" + segment(locationId)
                + "/reviews";
    }

    private HttpResponse<String> send(HttpRequest request, String what, boolean retryable, boolean tokenEndpoint) {
        int maxAttempts = retryable ? properties.maxAttempts() : 1;
        for (int attempt = 1; ; attempt++) {
            GoogleApiException failure;
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                if (response.statusCode() / 100 == 2) {
                    return response;
                }
                failure = tokenEndpoint ? tokenError(response) : apiError(response, what);
            } catch (HttpTimeoutException e) {
                failure = new GoogleApiException(GoogleApiException.NO_RESPONSE, "TIMEOUT",
                        "Google did not answer in time (" + what + ")", true, null, e);
            } catch (IOException e) {
                failure = new GoogleApiException(GoogleApiException.NO_RESPONSE, "IO_ERROR",
                        "Could not reach Google (" + what + "): " + e.getClass().getSimpleName(), true, null, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GoogleApiException(GoogleApiException.NO_RESPONSE, "INTERRUPTED",
                        "Interrupted while calling Google (" + what + ")", true, null, e);
            }
            if (!failure.isTransient() || failure.status() == 401 || attempt >= maxAttempts) {
                throw failure;
            }
            Duration wait = failure.retryAfter() != null ? failure.retryAfter() : backoff(attempt);
            if (wait.compareTo(properties.maxRetryWait()) > 0) {
                throw failure; // the caller reschedules; no thread waits that long
            }
            log.debug("Google {} failed ({}), attempt {}/{}; retrying in {} ms", what, failure.googleStatus(),
                    attempt, maxAttempts, wait.toMillis());
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure;
            }
        }
    }

    private Duration backoff(int attempt) {
        long base = new Backoff(properties.initialBackoff()).after(attempt).toMillis();
        long jittered = base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1);
        return Duration.ofMillis(Math.min(jittered, properties.maxRetryWait().toMillis()));
    }

    private GoogleApiException apiError(HttpResponse<String> response, String what) {
        int status = response.statusCode();
        String googleStatus = "HTTP_" + status;
        String detail = null;
        try {
            JsonNode error = json.readTree(response.body()).path("error");
            if (error.isObject()) {
                googleStatus = text(error.get("status")) != null ? text(error.get("status")) : googleStatus;
                detail = text(error.get("message"));
            }
        } catch (JacksonException | IllegalArgumentException ignored) {
            // not Google's error shape (a proxy's HTML page, say): status alone tells enough
        }
        boolean transientFailure = status == 408 || status == 429 || status >= 500;
        String message = "Google answered " + status + " " + googleStatus + " to '" + what + "'"
                + (detail == null || detail.isBlank() ? "" : ": " + detail);
        if (status == 401) {
            // an expired/revoked access token: a new one may fix it (the caller forgets the cached one)
            return new GoogleApiException(status, googleStatus, message, true, null, null);
        }
        return new GoogleApiException(status, googleStatus, message, transientFailure,
                transientFailure ? retryAfter(response) : null, null);
    }

    private GoogleApiException tokenError(HttpResponse<String> response) {
        int status = response.statusCode();
        String error = null;
        String description = null;
        try {
            JsonNode node = json.readTree(response.body());
            error = text(node.get("error"));
            description = text(node.get("error_description"));
        } catch (JacksonException | IllegalArgumentException ignored) {
            // keep the status only
        }
        if (status == 400 || status == 401 || status == 403) {
            String code = error == null ? "HTTP_" + status : error;
            return new GoogleAuthRejected(status, code, "Google no longer accepts SalonMate's authorization for this"
                    + " location (" + code + (description == null ? "" : ": " + description)
                    + "). Reconnect Google in the shop settings.");
        }
        boolean transientFailure = status == 408 || status == 429 || status >= 500;
        return new GoogleApiException(status, error == null ? "HTTP_" + status : error,
                "Google's token endpoint answered " + status, transientFailure,
                transientFailure ? retryAfter(response) : null, null);
    }

    private Duration retryAfter(HttpResponse<String> response) {
        return response.headers().firstValue("Retry-After").map(value -> {
            String v = value.trim();
            try {
                return Duration.ofSeconds(Math.max(0, Long.parseLong(v)));
            } catch (NumberFormatException notSeconds) {
                try {
                    Duration d = Duration.between(clock.instant(),
                            ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                    return d.isNegative() ? Duration.ZERO : d;
                } catch (DateTimeParseException unparseable) {
                    return null;
                }
            }
        }).orElse(null);
    }

    private JsonNode parse(HttpResponse<String> response, String what) {
        try {
            JsonNode node = json.readTree(response.body());
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("not a JSON object");
            }
            return node;
        } catch (JacksonException | IllegalArgumentException e) {
            throw new GoogleApiException(response.statusCode(), "MALFORMED_RESPONSE",
                    "Google sent an answer SalonMate could not read (" + what + ")", true, null, e);
        }
    }

    // ---------------------------------------------------------------- JSON mapping

    private GoogleReview review(JsonNode node) {
        JsonNode reviewer = node.path("reviewer");
        JsonNode reply = node.get("reviewReply");
        GoogleReply googleReply = null;
        if (reply != null && reply.isObject() && text(reply.get("comment")) != null) {
            googleReply = new GoogleReply(text(reply.get("comment")), instant(reply.get("updateTime")));
        }
        return new GoogleReview(text(node.get("name")), text(node.get("reviewId")),
                text(reviewer.get("displayName")), reviewer.path("isAnonymous").asBoolean(false),
                stars(text(node.get("starRating"))), text(node.get("comment")),
                instant(node.get("createTime")), instant(node.get("updateTime")), googleReply);
    }

    static int stars(String starRating) {
        if (starRating == null) {
            return 0;
        }
        return switch (starRating) {
            case "ONE" -> 1;
            case "TWO" -> 2;
            case "THREE" -> 3;
            case "FOUR" -> 4;
            case "FIVE" -> 5;
            default -> 0;
        };
    }

    private static Instant instant(JsonNode node) {
        String value = text(node);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String text(JsonNode node) {
        return node != null && node.isString() ? node.stringValue() : null;
    }

    /** Percent-encodes one path segment (ids are numeric or URL-safe base64, but never trust that). */
    private static String segment(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }
}
