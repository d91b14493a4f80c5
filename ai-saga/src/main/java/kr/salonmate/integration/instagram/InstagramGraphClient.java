package kr.salonmate.integration.instagram;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import kr.salonmate.saga.trace.MessageTrace;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Instagram Graph API calls that publish a post (content publishing with a professional account), over
 * {@link HttpClient}. Every call is sent once: whether to try again — and, for {@link #publish}, whether the first
 * try landed — is the publishing saga's decision. The access token travels in the {@code Authorization} header,
 * never in a URL, an exception or a log line. Errors become {@link InstagramApiException}s classified by
 * {@link InstagramErrors}. Thread-safe.
 */
public class InstagramGraphClient {

    private final InstagramProperties properties;
    private final HttpClient http;
    private final JsonMapper json = JsonMapper.builder().build();
    private final MeterRegistry meters;

    public InstagramGraphClient(InstagramProperties properties) {
        this(properties, new SimpleMeterRegistry());
    }

    public InstagramGraphClient(InstagramProperties properties, MeterRegistry meters) {
        this.meters = meters;
        this.properties = properties;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** The account's id as Instagram knows it (checks that the token works for that account). */
    public String accountId(String igUserId, String accessToken) {
        JsonNode node = get("/" + segment(igUserId) + "?fields=id,username", accessToken, "read the account");
        return text(node, "id");
    }

    /** A container for one image ({@code carouselItem}: a child of a carousel, without caption). */
    public String createImageContainer(String igUserId, String accessToken, String imageUrl, String caption,
                                       boolean carouselItem) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("image_url", imageUrl);
        if (carouselItem) {
            form.put("is_carousel_item", "true");
        } else if (caption != null && !caption.isEmpty()) {
            form.put("caption", caption);
        }
        return requireId(post("/" + segment(igUserId) + "/media", form, accessToken, "create a media container"),
                "create a media container");
    }

    /** The container of a carousel of already created children. */
    public String createCarouselContainer(String igUserId, String accessToken, List<String> children, String caption) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("media_type", "CAROUSEL");
        form.put("children", String.join(",", children));
        if (caption != null && !caption.isEmpty()) {
            form.put("caption", caption);
        }
        return requireId(post("/" + segment(igUserId) + "/media", form, accessToken, "create a carousel container"),
                "create a carousel container");
    }

    public ContainerStatus containerStatus(String containerId, String accessToken) {
        JsonNode node = get("/" + segment(containerId) + "?fields=status_code", accessToken, "read the container");
        String status = text(node, "status_code");
        try {
            return ContainerStatus.valueOf(status == null ? "" : status.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw malformed("read the container", "unknown status_code " + status);
        }
    }

    public PublishingLimit publishingLimit(String igUserId, String accessToken) {
        JsonNode node = get("/" + segment(igUserId) + "/content_publishing_limit?fields=quota_usage,config",
                accessToken, "read the publishing limit");
        JsonNode first = node.path("data").path(0);
        if (first.isMissingNode()) {
            throw malformed("read the publishing limit", "no data");
        }
        JsonNode config = first.path("config");
        return new PublishingLimit(first.path("quota_usage").asInt(0), config.path("quota_total").asInt(0),
                config.path("quota_duration").asLong(86_400));
    }

    /**
     * Publishes the container; returns the new media id. Sent once: a timeout may mean Instagram published it.
     * Counted in {@code salonmate_posts_published_total} / {@code salonmate_posts_publish_errors_total}.
     */
    public String publish(String igUserId, String accessToken, String containerId) {
        try {
            String mediaId = requireId(post("/" + segment(igUserId) + "/media_publish?creation_id="
                    + URLEncoder.encode(containerId, StandardCharsets.UTF_8), Map.of(), accessToken, "publish"), "publish");
            meters.counter("salonmate.posts.published").increment();
            return mediaId;
        } catch (RuntimeException e) {
            meters.counter("salonmate.posts.publish.errors").increment();
            throw e;
        }
    }

    public String permalink(String mediaId, String accessToken) {
        return text(get("/" + segment(mediaId) + "?fields=permalink", accessToken, "read the permalink"), "permalink");
    }

    /** The account's newest media (to find a post whose publish answer was lost). */
    public List<InstagramMedia> recentMedia(String igUserId, String accessToken) {
        JsonNode node = get("/" + segment(igUserId) + "/media?fields=id,caption,permalink&limit=25", accessToken,
                "list recent media");
        List<InstagramMedia> media = new ArrayList<>();
        for (JsonNode item : node.path("data")) {
            media.add(new InstagramMedia(text(item, "id"), text(item, "caption"), text(item, "permalink")));
        }
        return media;
    }

    // ---------------------------------------------------------------- HTTP

    private JsonNode get(String path, String accessToken, String what) {
        return send(request(path, accessToken).GET().build(), what);
    }

    private JsonNode post(String path, Map<String, String> form, String accessToken, String what) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(request(path, accessToken)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), what);
    }

    private HttpRequest.Builder request(String path, String accessToken) {
        return MessageTrace.propagate(HttpRequest.newBuilder(URI.create(properties.apiBaseUrl() + path)))
                .timeout(properties.readTimeout())
                .header("Authorization", "Bearer " + accessToken)
                .header("Accept", "application/json");
    }

    private JsonNode send(HttpRequest request, String what) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new InstagramApiException(InstagramApiException.NO_RESPONSE, 0, 0, InstagramErrors.UNAVAILABLE,
                    "Instagram did not answer in time (" + what + "); SalonMate tries again.", true, null, e);
        } catch (IOException e) {
            throw new InstagramApiException(InstagramApiException.NO_RESPONSE, 0, 0, InstagramErrors.UNAVAILABLE,
                    "SalonMate could not reach Instagram (" + what + ": " + e.getClass().getSimpleName()
                            + "); it tries again.", true, null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InstagramApiException(InstagramApiException.NO_RESPONSE, 0, 0, InstagramErrors.UNAVAILABLE,
                    "Interrupted while calling Instagram (" + what + ")", true, null, e);
        }
        if (response.statusCode() / 100 != 2) {
            throw error(response);
        }
        try {
            JsonNode node = json.readTree(response.body());
            if (node == null || !node.isObject()) {
                throw malformed(what, "not a JSON object");
            }
            return node;
        } catch (JacksonException e) {
            throw malformed(what, "not JSON");
        }
    }

    private InstagramApiException error(HttpResponse<String> response) {
        int code = 0;
        int subcode = 0;
        boolean flaggedTransient = false;
        String message = null;
        try {
            JsonNode error = json.readTree(response.body()).path("error");
            if (error.isObject()) {
                code = error.path("code").asInt(0);
                subcode = error.path("error_subcode").asInt(0);
                flaggedTransient = error.path("is_transient").asBoolean(false);
                message = text(error, "error_user_msg") != null ? text(error, "error_user_msg")
                        : text(error, "message");
            }
        } catch (JacksonException | IllegalArgumentException ignored) {
            // not the Graph API's error shape (a proxy's page): the status alone decides
        }
        return InstagramErrors.of(response.statusCode(), code, subcode, flaggedTransient, message,
                retryAfter(response));
    }

    private static Duration retryAfter(HttpResponse<String> response) {
        return response.headers().firstValue("Retry-After").map(value -> {
            try {
                return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
            } catch (NumberFormatException e) {
                return null;
            }
        }).orElse(null);
    }

    private static InstagramApiException malformed(String what, String problem) {
        return new InstagramApiException(200, 0, 0, InstagramErrors.UNAVAILABLE, "Instagram gave an answer SalonMate"
                + " could not read (" + what + ": " + problem + "); it tries again.", true, null, null);
    }

    private static String requireId(JsonNode node, String what) {
        String id = text(node, "id");
        if (id == null || id.isBlank()) {
            throw malformed(what, "no id");
        }
        return id;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        return value.isString() ? value.stringValue() : value.isNumber() ? value.numberValue().toString() : null;
    }

    private static String segment(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8);
    }
}
