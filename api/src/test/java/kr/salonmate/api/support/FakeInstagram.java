package kr.salonmate.api.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Instagram Graph API (content publishing) played by a real HTTP server on loopback, in its wire format: form
 * posts, {@code status_code}, {@code content_publishing_limit}, {@code media_publish}, permalinks, and its error
 * shape ({@code {"error":{"message","type","code","error_subcode","is_transient"}}}). Like Meta it fetches each
 * {@code image_url} when a container is created and refuses anything that is not a JPEG (error 9004 / 2207052).
 * Faults are injected per account: containers stuck IN_PROGRESS, a publish that lands but answers 500, permalinks
 * that fail, an exhausted quota.
 */
public final class FakeInstagram implements AutoCloseable {

    public static final String VERSION = "/v21.0";

    /** One Instagram professional account of the fake. */
    public static final class Account {
        final String igUserId;
        final String token;
        volatile boolean containersStayInProgress;
        volatile int publishesThatLandButFail;
        volatile int publishesThatFail;
        volatile boolean permalinkFails;
        volatile int quotaUsed;
        volatile int quotaTotal = 100;
        final List<String> published = new CopyOnWriteArrayList<>();
        final AtomicInteger publishCalls = new AtomicInteger();
        volatile Instant firstPublishCallAt;
        final AtomicInteger limitChecks = new AtomicInteger();

        Account(String igUserId, String token) {
            this.igUserId = igUserId;
            this.token = token;
        }

        public Account containersStayInProgress() {
            containersStayInProgress = true;
            return this;
        }

        public Account nextPublishLandsButAnswers500() {
            publishesThatLandButFail = 1;
            return this;
        }

        public Account nextPublishFailsWith503() {
            publishesThatFail = 1;
            return this;
        }

        public Account permalinkFails() {
            permalinkFails = true;
            return this;
        }

        public Account quota(int used, int total) {
            quotaUsed = used;
            quotaTotal = total;
            return this;
        }

        public String igUserId() {
            return igUserId;
        }

        public String token() {
            return token;
        }

        /** Media ids published on this account, in order. */
        public List<String> published() {
            return List.copyOf(published);
        }

        public int publishCalls() {
            return publishCalls.get();
        }

        /** When {@code media_publish} was first asked for on this account (null: never). */
        public Instant firstPublishCallAt() {
            return firstPublishCallAt;
        }

        public int limitChecks() {
            return limitChecks.get();
        }
    }

    /** A media container: an image (fetched when created) or a carousel of children. */
    public record Container(String id, String igUserId, String imageUrl, String caption, boolean carouselItem,
                            List<String> children, String fetchedContentType, int fetchedBytes) {
    }

    private final HttpServer server;
    private final HttpClient fetcher = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final Map<String, Account> accounts = new ConcurrentHashMap<>();
    private final Map<String, Container> containers = new ConcurrentHashMap<>();
    private final Map<String, String> containerStatus = new ConcurrentHashMap<>();
    private final Map<String, String[]> media = new ConcurrentHashMap<>(); // id -> {igUserId, caption, permalink}
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong(17_889_455_560_000_000L);

    public FakeInstagram() {
        try {
            server = FakeHttpServers.onLoopback(0);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        server.createContext(VERSION + "/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + VERSION;
    }

    /** A new account with its own access token. */
    public Account newAccount() {
        String id = "1784140" + (ids.incrementAndGet() % 1_000_000_000L);
        Account account = new Account(id, "IGQVJ-" + id + "-token");
        accounts.put(id, account);
        return account;
    }

    public List<Container> containersOf(Account account) {
        return containers.values().stream().filter(c -> c.igUserId().equals(account.igUserId)).toList();
    }

    public Container container(String id) {
        return containers.get(id);
    }

    /** The caption of a published media. */
    public String captionOf(String mediaId) {
        String[] m = media.get(mediaId);
        return m == null ? null : m[1];
    }

    public List<String> requests() {
        return new ArrayList<>(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            route(exchange);
        } catch (RuntimeException e) {
            respond(exchange, 500, error("Fake failure: " + e, "OAuthException", 2, 0, true));
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        URI uri = exchange.getRequestURI();
        requests.add(method + " " + uri);
        String[] path = uri.getPath().substring(VERSION.length() + 1).split("/");
        Map<String, String> params = new LinkedHashMap<>(form(uri.getRawQuery()));
        if ("POST".equals(method)) {
            params.putAll(form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        }
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        String token = auth != null && auth.startsWith("Bearer ") ? auth.substring(7) : params.get("access_token");
        Account account = accounts.get(path[0]);
        if (account == null) {
            Container container = containers.get(path[0]);
            String[] m = media.get(path[0]);
            account = container != null ? accounts.get(container.igUserId()) : m != null ? accounts.get(m[0]) : null;
        }
        if (account == null) {
            respond(exchange, 400, error("Unsupported get request. Object with ID '" + path[0] + "' does not exist",
                    "GraphMethodException", 100, 33, false));
            return;
        }
        if (!account.token.equals(token)) {
            respond(exchange, 400, error("Error validating access token: Session has expired.", "OAuthException",
                    190, 463, false));
            return;
        }
        if (path.length == 1 && "GET".equals(method)) {
            get(exchange, account, path[0], params);
        } else if (path.length == 2 && path[1].equals("media") && "POST".equals(method)) {
            createContainer(exchange, account, params);
        } else if (path.length == 2 && path[1].equals("media") && "GET".equals(method)) {
            recentMedia(exchange, account);
        } else if (path.length == 2 && path[1].equals("media_publish") && "POST".equals(method)) {
            publish(exchange, account, params.get("creation_id"));
        } else if (path.length == 2 && path[1].equals("content_publishing_limit")) {
            account.limitChecks.incrementAndGet();
            respond(exchange, 200, "{\"data\":[{\"quota_usage\":" + account.quotaUsed + ",\"config\":{\"quota_total\":"
                    + account.quotaTotal + ",\"quota_duration\":86400}}]}");
        } else {
            respond(exchange, 400, error("Unknown path components", "OAuthException", 2500, 0, false));
        }
    }

    private void get(HttpExchange exchange, Account account, String id, Map<String, String> params) throws IOException {
        String fields = params.getOrDefault("fields", "");
        if (id.equals(account.igUserId)) {
            respond(exchange, 200, "{\"id\":\"" + id + "\",\"username\":\"salon_" + id + "\"}");
        } else if (containers.containsKey(id)) {
            respond(exchange, 200, "{\"status_code\":\"" + containerStatus.get(id) + "\",\"id\":\"" + id + "\"}");
        } else if (fields.contains("permalink")) {
            if (account.permalinkFails) {
                respond(exchange, 500, error("An unexpected error has occurred.", "OAuthException", 2, 0, true));
                return;
            }
            respond(exchange, 200, "{\"permalink\":\"" + media.get(id)[2] + "\",\"id\":\"" + id + "\"}");
        } else {
            respond(exchange, 200, "{\"id\":\"" + id + "\"}");
        }
    }

    private void createContainer(HttpExchange exchange, Account account, Map<String, String> params)
            throws IOException {
        String id = String.valueOf(ids.incrementAndGet());
        if ("CAROUSEL".equals(params.get("media_type"))) {
            List<String> children = List.of(params.getOrDefault("children", "").split(","));
            if (children.size() < 2 || !children.stream().allMatch(c -> containers.containsKey(c)
                    && containers.get(c).carouselItem())) {
                respond(exchange, 400, error("Invalid parameter: children", "OAuthException", 100, 2207032, false));
                return;
            }
            containers.put(id, new Container(id, account.igUserId, null, params.get("caption"), false, children,
                    null, 0));
        } else {
            String imageUrl = params.get("image_url");
            Fetched fetched = fetch(imageUrl);
            if (!fetched.isJpeg()) {
                respond(exchange, 400, error("Only photo or video can be accepted as media type.", "OAuthException",
                        9004, 2207052, false));
                return;
            }
            containers.put(id, new Container(id, account.igUserId, imageUrl, params.get("caption"),
                    "true".equals(params.get("is_carousel_item")), List.of(), fetched.contentType(),
                    fetched.bytes()));
        }
        containerStatus.put(id, account.containersStayInProgress ? "IN_PROGRESS" : "FINISHED");
        respond(exchange, 200, "{\"id\":\"" + id + "\"}");
    }

    private void publish(HttpExchange exchange, Account account, String creationId) throws IOException {
        account.publishCalls.incrementAndGet();
        if (account.firstPublishCallAt == null) {
            account.firstPublishCallAt = Instant.now();
        }
        Container container = containers.get(creationId);
        if (container == null || container.carouselItem()) {
            respond(exchange, 400, error("Media ID is not available", "OAuthException", 9007, 2207027, false));
            return;
        }
        if (account.publishesThatFail > 0) {
            account.publishesThatFail--;
            respond(exchange, 503, error("Service temporarily unavailable", "OAuthException", 2, 0, true));
            return;
        }
        if (!"FINISHED".equals(containerStatus.get(creationId))) {
            respond(exchange, 400, error("The media is not ready for publishing, please wait for a moment",
                    "OAuthException", 9007, 2207027, false));
            return;
        }
        String mediaId = String.valueOf(ids.incrementAndGet());
        media.put(mediaId, new String[]{account.igUserId, container.caption(),
                "https://www.instagram.com/p/Fake" + mediaId + "/"});
        containerStatus.put(creationId, "PUBLISHED");
        account.published.add(mediaId);
        if (account.publishesThatLandButFail > 0) {
            account.publishesThatLandButFail--;
            respond(exchange, 500, error("An unexpected error has occurred. Please retry your request later.",
                    "OAuthException", 2, 0, true));
            return;
        }
        respond(exchange, 200, "{\"id\":\"" + mediaId + "\"}");
    }

    private void recentMedia(HttpExchange exchange, Account account) throws IOException {
        ObjectNode page = Json.MAPPER.createObjectNode();
        ArrayNode data = page.putArray("data");
        List<String> published = new ArrayList<>(account.published);
        java.util.Collections.reverse(published);
        for (String id : published) {
            String[] m = media.get(id);
            data.addObject().put("id", id).put("caption", m[1]).put("permalink", m[2]);
        }
        respond(exchange, 200, Json.write(page));
    }

    private record Fetched(int status, String contentType, int bytes, boolean startsLikeJpeg) {
        boolean isJpeg() {
            return status == 200 && contentType != null && contentType.startsWith("image/jpeg") && startsLikeJpeg;
        }
    }

    /** Meta's crawler: a plain GET of the public URL, no credentials. */
    private Fetched fetch(String url) {
        if (url == null) {
            return new Fetched(0, null, 0, false);
        }
        try {
            HttpResponse<byte[]> response = fetcher.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            byte[] body = response.body();
            boolean jpeg = body.length > 3 && (body[0] & 0xff) == 0xFF && (body[1] & 0xff) == 0xD8;
            return new Fetched(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    body.length, jpeg);
        } catch (IOException | IllegalArgumentException e) {
            return new Fetched(0, null, 0, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Fetched(0, null, 0, false);
        }
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return fields;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }

    private static String error(String message, String type, int code, int subcode, boolean isTransient) {
        return "{\"error\":{\"message\":" + Json.write(message) + ",\"type\":\"" + type + "\",\"code\":" + code
                + (subcode == 0 ? "" : ",\"error_subcode\":" + subcode) + ",\"is_transient\":" + isTransient
                + ",\"fbtrace_id\":\"AbCdEf123\"}}";
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
