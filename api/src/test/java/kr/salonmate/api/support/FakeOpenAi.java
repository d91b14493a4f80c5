package kr.salonmate.api.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * OpenAI's chat completions endpoint played by a real HTTP server on loopback, in OpenAI's wire format, with
 * a configurable answer time (a slow model) and injectable failures of one model.
 */
public final class FakeOpenAi implements AutoCloseable {

    private final HttpServer server;
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private final List<JsonNode> embeddingRequests = new CopyOnWriteArrayList<>();
    private final AtomicInteger answered = new AtomicInteger();
    private volatile long latencyMillis;
    private volatile String failingModel;

    public FakeOpenAi() {
        try {
            server = FakeHttpServers.onLoopback(256);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        server.createContext("/v1/chat/completions", this::complete);
        server.createContext("/v1/embeddings", this::embed);
        server.setExecutor(Executors.newFixedThreadPool(64));
        server.start();
    }

    /** What {@code spring.ai.openai.base-url} is set to. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    public void latency(long millis) {
        this.latencyMillis = millis;
    }

    /** Requests for this model answer 503 (null: none fail). */
    public void failModel(String model) {
        this.failingModel = model;
    }

    public List<JsonNode> requests() {
        return List.copyOf(requests);
    }

    /** The requests to the embeddings endpoint, apart from the chat requests above. */
    public List<JsonNode> embeddingRequests() {
        return List.copyOf(embeddingRequests);
    }

    public int answered() {
        return answered.get();
    }

    private void complete(HttpExchange exchange) throws IOException {
        JsonNode request = Json.parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        requests.add(request);
        String model = request.path("model").asText();
        if (latencyMillis > 0) {
            try {
                Thread.sleep(latencyMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (model.equals(failingModel)) {
            respond(exchange, 503, "{\"error\":{\"message\":\"The server is overloaded\",\"type\":\"server_error\","
                    + "\"param\":null,\"code\":null}}");
            return;
        }
        String content = "정성스러운 리뷰 감사합니다! 다음 방문도 기다리고 있을게요. (" + model + ")";
        answered.incrementAndGet();
        respond(exchange, 200, "{\"id\":\"chatcmpl-" + answered.get() + "\",\"object\":\"chat.completion\","
                + "\"created\":1764213300,\"model\":\"" + model + "\",\"choices\":[{\"index\":0,\"message\":"
                + "{\"role\":\"assistant\",\"content\":" + Json.write(content) + ",\"refusal\":null},"
                + "\"logprobs\":null,\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":321,"
                + "\"completion_tokens\":42,\"total_tokens\":363},\"system_fingerprint\":\"fp_fake\"}");
    }

    /**
     * OpenAI's embeddings endpoint: a 64-dimensional vector of the text's character bigrams, hashed, so that texts
     * sharing words get close vectors (what the tests of similarity need from a model), in OpenAI's wire format.
     */
    private void embed(HttpExchange exchange) throws IOException {
        JsonNode request = Json.parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        embeddingRequests.add(request);
        List<String> inputs = new java.util.ArrayList<>();
        if (request.path("input").isArray()) {
            request.path("input").forEach(input -> inputs.add(input.asText()));
        } else {
            inputs.add(request.path("input").asText());
        }
        StringBuilder data = new StringBuilder();
        for (int i = 0; i < inputs.size(); i++) {
            float[] vector = new float[64];
            String text = inputs.get(i).toLowerCase();
            for (int c = 0; c + 2 <= text.length(); c++) {
                vector[Math.floorMod(text.substring(c, c + 2).hashCode(), 64)] += 1;
            }
            StringBuilder numbers = new StringBuilder();
            for (float v : vector) {
                numbers.append(numbers.isEmpty() ? "" : ",").append(v);
            }
            data.append(i == 0 ? "" : ",").append("{\"object\":\"embedding\",\"index\":").append(i)
                    .append(",\"embedding\":[").append(numbers).append("]}");
        }
        respond(exchange, 200, "{\"object\":\"list\",\"data\":[" + data + "],\"model\":"
                + Json.write(request.path("model").asText()) + ",\"usage\":{\"prompt_tokens\":8,\"total_tokens\":8}}");
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
