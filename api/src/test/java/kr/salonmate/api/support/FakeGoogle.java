package kr.salonmate.api.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Google Business Profile and Google's token endpoint played by a real HTTP server on loopback, speaking
 * their wire format (reviews with star ratings as words, paging with nextPageToken, reply PUT, Google's error
 * shape). Stateful, so a published reply shows up on the next read, and faults can be injected.
 */
public final class FakeGoogle implements AutoCloseable {

    public static final String VALID_REFRESH_TOKEN = "1//valid-refresh-token";
    private static final String[] STARS = {"", "ONE", "TWO", "THREE", "FOUR", "FIVE"};

    private final HttpServer server;
    private final Map<String, ObjectNode> reviews = new LinkedHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> replyPuts = new ConcurrentHashMap<>();
    private final Map<String, String> replyTraceparents = new ConcurrentHashMap<>();
    private final AtomicInteger failNextReplyPuts = new AtomicInteger();
    private final AtomicInteger tokenExchanges = new AtomicInteger();
    private final AtomicInteger failNextTokenExchanges = new AtomicInteger();
    private volatile int tokenFailureStatus = 503;
    private volatile String tokenFailureBody = "";
    private volatile int pageSize = 2;
    private volatile long listDelayMillis;
    /** Review lists read (before any {@link #listDelay}), so a test can tell that a sync has read its list. */
    private final AtomicInteger listsRead = new AtomicInteger();

    public FakeGoogle() {
        try {
            server = FakeHttpServers.onLoopback(0);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        server.createContext("/token", this::token);
        server.createContext("/v4/", this::reviewsApi);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String tokenUrl() {
        return baseUrl() + "/token";
    }

    /** Adds a review to location {@code locationId} (review ids are unique across locations in this fake). */
    public synchronized void addReview(String locationId, String reviewId, String author, int stars, String comment,
                                       Instant createTime) {
        ObjectNode review = Json.MAPPER.createObjectNode();
        review.put("name", "accounts/acc-1/locations/" + locationId + "/reviews/" + reviewId);
        review.put("reviewId", reviewId);
        review.putObject("reviewer").put("displayName", author).put("isAnonymous", false);
        review.put("starRating", STARS[stars]);
        review.put("comment", comment);
        review.put("createTime", createTime.toString());
        review.put("updateTime", createTime.toString());
        reviews.put(reviewId, review);
    }

    /** The reviewer deleted the review on Google: reading or replying to it answers 404. */
    public synchronized void removeReview(String reviewId) {
        reviews.remove(reviewId);
    }

    /** A reply written on Google directly, outside SalonMate. */
    public synchronized void replyOutside(String reviewId, String text) {
        reviews.get(reviewId).putObject("reviewReply").put("comment", text).put("updateTime", Instant.now().toString());
    }

    public synchronized String replyOf(String reviewId) {
        JsonNode reply = reviews.get(reviewId).get("reviewReply");
        return reply == null ? null : reply.path("comment").asText();
    }

    public int replyPuts(String reviewId) {
        AtomicInteger count = replyPuts.get(reviewId);
        return count == null ? 0 : count.get();
    }

    /** The W3C {@code traceparent} header of the last reply PUT that Google took for the review, or null. */
    public String replyTraceparent(String reviewId) {
        return replyTraceparents.get(reviewId);
    }

    public int totalReplyPuts() {
        return replyPuts.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    public void failNextReplyPuts(int count) {
        failNextReplyPuts.set(count);
    }

    /** The next {@code count} token exchanges answer {@code status} with {@code body} (any bytes, any shape). */
    public void failNextTokenExchanges(int count, int status, String body) {
        tokenFailureStatus = status;
        tokenFailureBody = body;
        failNextTokenExchanges.set(count);
    }

    public int tokenExchanges() {
        return tokenExchanges.get();
    }

    public List<String> requests() {
        return new ArrayList<>(requests);
    }

    public void pageSize(int size) {
        this.pageSize = size;
    }

    public int listsRead() {
        return listsRead.get();
    }

    /** Every review list is answered this long after it was read (a slow Google keeps a sync under way). */
    public void listDelay(java.time.Duration delay) {
        this.listDelayMillis = delay.toMillis();
    }

    private void token(HttpExchange exchange) throws IOException {
        requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
        String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        tokenExchanges.incrementAndGet();
        if (failNextTokenExchanges.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            respond(exchange, tokenFailureStatus, tokenFailureBody);
            return;
        }
        if (!"refresh_token".equals(fields.get("grant_type")) || !VALID_REFRESH_TOKEN.equals(fields.get("refresh_token"))) {
            respond(exchange, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"Token has been expired or revoked.\"}");
            return;
        }
        respond(exchange, 200, "{\"access_token\":\"ya29.fake-access\",\"expires_in\":3599,\"token_type\":\"Bearer\","
                + "\"scope\":\"https://www.googleapis.com/auth/business.manage\"}");
    }

    private void reviewsApi(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        requests.add(method + " " + exchange.getRequestURI());
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (!"Bearer ya29.fake-access".equals(auth)) {
            respond(exchange, 401, error(401, "Request had invalid authentication credentials.", "UNAUTHENTICATED"));
            return;
        }
        String[] parts = path.split("/");
        // /v4/accounts/{a}/locations/{l}/reviews[/{id}[/reply]]
        if (parts.length < 7 || !"reviews".equals(parts[6])) {
            respond(exchange, 404, error(404, "Requested entity was not found.", "NOT_FOUND"));
            return;
        }
        if (parts.length == 7 && "GET".equals(method)) {
            String page;
            synchronized (this) {
                page = list(exchange, parts[5]);
            }
            listsRead.incrementAndGet();
            long delay = listDelayMillis;
            if (delay > 0) {
                try {
                    Thread.sleep(delay); // what was read stays as it was: reviews added meanwhile are not in it
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            respond(exchange, 200, page);
            return;
        }
        synchronized (this) {
            String reviewId = parts[7];
            ObjectNode review = reviews.get(reviewId);
            if (review == null || !review.path("name").asText().contains("/locations/" + parts[5] + "/")) {
                respond(exchange, 404, error(404, "Requested entity was not found.", "NOT_FOUND"));
                return;
            }
            if (parts.length == 8 && "GET".equals(method)) {
                respond(exchange, 200, Json.write(review));
                return;
            }
            if (parts.length == 9 && "reply".equals(parts[8]) && "PUT".equals(method)) {
                if (failNextReplyPuts.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    respond(exchange, 503, error(503, "The service is currently unavailable.", "UNAVAILABLE"));
                    return;
                }
                JsonNode body = Json.parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                replyPuts.computeIfAbsent(reviewId, k -> new AtomicInteger()).incrementAndGet();
                String traceparent = exchange.getRequestHeaders().getFirst("traceparent");
                if (traceparent != null) {
                    replyTraceparents.put(reviewId, traceparent);
                }
                ObjectNode reply = review.putObject("reviewReply");
                reply.put("comment", body.path("comment").asText());
                reply.put("updateTime", Instant.now().toString());
                respond(exchange, 200, Json.write(reply));
                return;
            }
        }
        respond(exchange, 404, error(404, "Requested entity was not found.", "NOT_FOUND"));
    }

    private String list(HttpExchange exchange, String locationId) {
        String query = exchange.getRequestURI().getQuery();
        int start = 0;
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith("pageToken=")) {
                    start = Integer.parseInt(pair.substring("pageToken=".length()).replace("page-", ""));
                }
            }
        }
        List<ObjectNode> all = reviews.values().stream()
                .filter(r -> r.path("name").asText().contains("/locations/" + locationId + "/")).toList();
        ObjectNode page = Json.MAPPER.createObjectNode();
        ArrayNode items = page.putArray("reviews");
        for (int i = start; i < Math.min(all.size(), start + pageSize); i++) {
            items.add(all.get(i));
        }
        page.put("totalReviewCount", all.size());
        if (start + pageSize < all.size()) {
            page.put("nextPageToken", "page-" + (start + pageSize));
        }
        return Json.write(page);
    }

    private static String error(int code, String message, String status) {
        return "{\"error\":{\"code\":" + code + ",\"message\":\"" + message + "\",\"status\":\"" + status + "\"}}";
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
