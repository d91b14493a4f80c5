package kr.salonmate.integration.toss;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Toss Payments' v1 REST API for automatic (billing) payments, over {@link HttpClient}:
 * {@code Authorization: Basic base64(secretKey + ":")}. Each call is sent once; retrying is {@link Charging}'s
 * decision. The secret key and billing keys are never put in an exception or a log line (a billing key is part of
 * the charge URL, so URLs are never logged either). Thread-safe.
 */
public class TossPayments {

    private final TossProperties properties;
    private final HttpClient http;
    private final JsonMapper json = JsonMapper.builder().build();

    public TossPayments(TossProperties properties) {
        this.properties = properties;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public boolean configured() {
        return properties.configured();
    }

    /** Exchanges the card-registration window's {@code authKey} for the customer's billing key. */
    public TossBillingKey issueBillingKey(String authKey, String customerKey) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("authKey", authKey);
        body.put("customerKey", customerKey);
        JsonNode node = send("POST", "/v1/billing/authorizations/issue", body, null, "issue a billing key");
        String billingKey = node.path("billingKey").asString("");
        if (billingKey.isBlank()) {
            throw new TossUnavailable("Toss issued no billing key", null);
        }
        String number = node.path("cardNumber").asString(node.path("card").path("number").asString(""));
        String last4 = number.length() >= 4 ? number.substring(number.length() - 4) : number;
        String company = node.path("cardCompany").asString(null);
        if (company == null) {
            company = node.path("card").path("issuerCode").asString(null);
        }
        return new TossBillingKey(billingKey, node.path("customerKey").asString(customerKey), company, last4);
    }

    /**
     * Charges {@code amount} KRW for {@code orderId}. The order id is the {@code Idempotency-Key} too: sent again
     * (after a timeout, a crash, a lost answer) it can only ever produce the one payment.
     */
    public TossPayment charge(String billingKey, String customerKey, long amount, String orderId, String orderName) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customerKey", customerKey);
        body.put("amount", amount);
        body.put("orderId", orderId);
        body.put("orderName", orderName);
        return payment(send("POST", "/v1/billing/" + segment(billingKey), body, orderId, "charge " + orderId));
    }

    /** The payment as Toss has it now (what a webhook is checked against). */
    public TossPayment paymentByKey(String paymentKey) {
        return payment(send("GET", "/v1/payments/" + segment(paymentKey), null, null, "read a payment"));
    }

    /** The payment of one of our orders; {@link TossRejected#notFound()} when Toss has none. */
    public TossPayment paymentByOrder(String orderId) {
        return payment(send("GET", "/v1/payments/orders/" + segment(orderId), null, null, "read order " + orderId));
    }

    private TossPayment payment(JsonNode node) {
        String approved = node.path("approvedAt").asString(null);
        Instant approvedAt = null;
        if (approved != null && !approved.isBlank()) {
            try {
                approvedAt = OffsetDateTime.parse(approved).toInstant();
            } catch (RuntimeException e) {
                approvedAt = null;
            }
        }
        return new TossPayment(node.path("paymentKey").asString(null), node.path("orderId").asString(null),
                node.path("status").asString(null), node.path("totalAmount").asLong(0), approvedAt);
    }

    private JsonNode send(String method, String path, Object body, String idempotencyKey, String what) {
        String auth = Base64.getEncoder().encodeToString((properties.secretKey() + ":")
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                .timeout(properties.readTimeout())
                .header("Authorization", "Basic " + auth)
                .header("Accept", "application/json");
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new TossUnavailable("Toss did not answer to " + what + ": " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TossUnavailable("Interrupted while asking Toss to " + what, e);
        }
        int status = response.statusCode();
        JsonNode node;
        try {
            node = json.readTree(response.body() == null || response.body().isBlank() ? "{}" : response.body());
        } catch (JacksonException e) {
            throw new TossUnavailable("Toss answered " + status + " with an unreadable body to " + what, null);
        }
        if (status >= 200 && status < 300) {
            return node;
        }
        if (status >= 500 || status == 429) {
            throw new TossUnavailable("Toss answered " + status + " to " + what, null);
        }
        throw new TossRejected(status, node.path("code").asString("UNKNOWN"),
                node.path("message").asString("Toss refused to " + what));
    }

    private String base() {
        String base = properties.apiBaseUrl();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
