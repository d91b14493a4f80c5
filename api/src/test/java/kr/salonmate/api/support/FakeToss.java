package kr.salonmate.api.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Toss Payments' v1 REST API for billing (automatic) payments, played by a real HTTP server on loopback in its wire
 * format: {@code Authorization: Basic base64(secretKey:)}, {@code POST /v1/billing/authorizations/issue},
 * {@code POST /v1/billing/{billingKey}} with {@code Idempotency-Key} (a repeated key gets the first answer again;
 * a second charge of a paid order is {@code ALREADY_PROCESSED_PAYMENT}), {@code GET /v1/payments/{paymentKey}},
 * {@code GET /v1/payments/orders/{orderId}}, and Toss's error JSON {@code {"code","message"}}. Faults are queued per
 * customer for the next charges: a declined card ({@code REJECT_CARD_COMPANY}), a 500 before charging, and a charge
 * that goes through and then drops the connection without an answer. {@link #payments(String)} is what Toss really
 * charged.
 */
public final class FakeToss implements AutoCloseable {

    public enum Charge { OK, DECLINE, SERVER_ERROR, CHARGE_THEN_DROP, CHARGE_THEN_HANG }

    public record Payment(String paymentKey, String orderId, String customerKey, long amount) {
    }

    private record Answer(int status, String body) {
    }

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpServer server;
    private final String secretKey;
    private final Map<String, String> customerOfBillingKey = new ConcurrentHashMap<>();
    private final Map<String, Deque<Charge>> nextCharges = new ConcurrentHashMap<>();
    private final Map<String, Answer> answerOfIdempotencyKey = new ConcurrentHashMap<>();
    private final Map<String, Payment> paymentOfOrder = new ConcurrentHashMap<>();
    private final Map<String, Payment> paymentOfKey = new ConcurrentHashMap<>();
    private final List<Payment> payments = new CopyOnWriteArrayList<>();
    private final List<String> chargeRequests = new CopyOnWriteArrayList<>();
    private final Map<String, Boolean> lookupsFail = new ConcurrentHashMap<>();
    private final List<String> hanging = new CopyOnWriteArrayList<>();
    /** Payment keys read with GET /v1/payments/{paymentKey}, in order. */
    private final List<String> lookedUpKeys = new CopyOnWriteArrayList<>();

    private volatile String clientKey = "test_ck_salonmate_fake";

    public FakeToss(String secretKey) {
        this.secretKey = secretKey;
        try {
            server = FakeHttpServers.onLoopback(0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/v1/", this::handle);
        server.createContext("/sdk/", this::sdk);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next charges of this customer behave like this, in order; then OK again. */
    public void nextCharges(String customerKey, Charge... behaviours) {
        nextCharges.computeIfAbsent(customerKey, k -> new ArrayDeque<>()).addAll(List.of(behaviours));
    }

    /** Every later charge of this customer is declined. */
    public void declineAlways(String customerKey) {
        nextCharges.computeIfAbsent(customerKey, k -> new ArrayDeque<>()).add(Charge.DECLINE);
        alwaysDecline.put(customerKey, true);
    }

    private final Map<String, Boolean> alwaysDecline = new ConcurrentHashMap<>();

    /** Looking up this customer's orders, and repeating a charge, answers 500 (Toss is down right after it charged). */
    public void lookupsFail(String customerKey, boolean fail) {
        lookupsFail.put(customerKey, fail);
    }

    /** What Toss really charged this customer. */
    public List<Payment> payments(String customerKey) {
        return payments.stream().filter(p -> p.customerKey().equals(customerKey)).toList();
    }

    /** Charge requests of this customer that reached Toss (including repeats, declines and failures). */
    public long chargeRequests(String customerKey) {
        return chargeRequests.stream().filter(customerKey::equals).count();
    }

    /** Orders that were charged and whose answer is being held back ({@link Charge#CHARGE_THEN_HANG}). */
    /** Whether a payment was read by its key ({@code GET /v1/payments/{paymentKey}}). */
    public boolean lookedUp(String paymentKey) {
        return lookedUpKeys.contains(paymentKey);
    }

    public List<String> hanging() {
        return List.copyOf(hanging);
    }

    /** What Toss charged for one shop's orders (our order ids carry the shop). */
    public List<Payment> paymentsOfShop(String shopId) {
        String marker = "sm-" + shopId.replace("-", "") + "-";
        return payments.stream().filter(p -> p.orderId().startsWith(marker)).toList();
    }

    /**
     * Toss's v1 SDK as far as the page uses it: {@code TossPayments(clientKey).requestBillingAuth('카드', {customerKey,
     * successUrl, failUrl})} sends the browser to {@code successUrl} with {@code customerKey} and {@code authKey}, as
     * Toss's card-registration window does once the card is registered.
     */
    private void sdk(HttpExchange exchange) throws IOException {
        try (exchange) {
            String script = """
                    window.TossPayments = function (clientKey) {
                      if (clientKey !== '%s') { throw new Error('wrong client key'); }
                      return {
                        requestBillingAuth: function (method, options) {
                          var sep = options.successUrl.indexOf('?') >= 0 ? '&' : '?';
                          window.location.href = options.successUrl + sep + 'customerKey='
                              + encodeURIComponent(options.customerKey) + '&authKey=auth_from_window_' + Date.now();
                          return new Promise(function () {});
                        }
                      };
                    };
                    """.formatted(clientKey);
            byte[] bytes = script.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/javascript; charset=utf-8");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String expected = "Basic " + Base64.getEncoder().encodeToString((secretKey + ":")
                    .getBytes(StandardCharsets.UTF_8));
            if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                respond(exchange, 401, error("UNAUTHORIZED_KEY", "인증되지 않은 시크릿 키 혹은 클라이언트 키 입니다."));
                return;
            }
            String path = exchange.getRequestURI().getRawPath();
            String method = exchange.getRequestMethod();
            if (method.equals("POST") && path.equals("/v1/billing/authorizations/issue")) {
                issue(exchange);
            } else if (method.equals("POST") && path.startsWith("/v1/billing/")) {
                charge(exchange, decode(path.substring("/v1/billing/".length())));
            } else if (method.equals("GET") && path.startsWith("/v1/payments/orders/")) {
                String orderId = decode(path.substring("/v1/payments/orders/".length()));
                Payment payment = paymentOfOrder.get(orderId);
                if (payment != null && lookupsFail.getOrDefault(payment.customerKey(), false)) {
                    respond(exchange, 500, error("FAILED_INTERNAL_SYSTEM_PROCESSING", "내부 시스템 처리 작업이 실패했습니다."));
                } else {
                    respondPayment(exchange, payment);
                }
            } else if (method.equals("GET") && path.startsWith("/v1/payments/")) {
                String paymentKey = decode(path.substring("/v1/payments/".length()));
                lookedUpKeys.add(paymentKey);
                respondPayment(exchange, paymentOfKey.get(paymentKey));
            } else {
                respond(exchange, 404, error("NOT_FOUND", "존재하지 않는 API 입니다."));
            }
        }
    }

    private void issue(HttpExchange exchange) throws IOException {
        JsonNode body = json.readTree(exchange.getRequestBody().readAllBytes());
        String authKey = body.path("authKey").asString("");
        String customerKey = body.path("customerKey").asString("");
        if (authKey.isBlank() || customerKey.isBlank() || authKey.startsWith("expired")) {
            respond(exchange, 400, error("INVALID_AUTH_KEY", "인증 키가 유효하지 않습니다."));
            return;
        }
        String billingKey = "bk_" + UUID.randomUUID().toString().replace("-", "");
        customerOfBillingKey.put(billingKey, customerKey);
        ObjectNode answer = json.createObjectNode();
        answer.put("mId", "tosspayments");
        answer.put("customerKey", customerKey);
        answer.put("authenticatedAt", OffsetDateTime.now(ZoneOffset.ofHours(9)).toString());
        answer.put("method", "카드");
        answer.put("billingKey", billingKey);
        answer.put("cardCompany", "현대");
        answer.put("cardNumber", "43301234****5678");
        ObjectNode card = answer.putObject("card");
        card.put("issuerCode", "61");
        card.put("number", "43301234****5678");
        card.put("cardType", "신용");
        respond(exchange, 200, answer.toString());
    }

    private void charge(HttpExchange exchange, String billingKey) throws IOException {
        JsonNode body = json.readTree(exchange.getRequestBody().readAllBytes());
        String customerKey = customerOfBillingKey.get(billingKey);
        if (customerKey == null || !customerKey.equals(body.path("customerKey").asString(""))) {
            respond(exchange, 404, error("NOT_FOUND_BILLING_KEY", "존재하지 않는 빌링키입니다."));
            return;
        }
        chargeRequests.add(customerKey);
        String idempotencyKey = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        Answer earlier = idempotencyKey == null ? null : answerOfIdempotencyKey.get(idempotencyKey);
        if (earlier != null && lookupsFail.getOrDefault(customerKey, false)) {
            respond(exchange, 500, error("FAILED_INTERNAL_SYSTEM_PROCESSING", "내부 시스템 처리 작업이 실패했습니다."));
            return;
        }
        if (earlier != null) {
            respond(exchange, earlier.status(), earlier.body());
            return;
        }
        String orderId = body.path("orderId").asString("");
        if (paymentOfOrder.containsKey(orderId)) {
            respond(exchange, 400, error("ALREADY_PROCESSED_PAYMENT", "이미 처리된 결제 입니다."));
            return;
        }
        Charge behaviour;
        synchronized (nextCharges) {
            Deque<Charge> queue = nextCharges.get(customerKey);
            behaviour = queue == null || queue.isEmpty() ? Charge.OK : queue.poll();
            if (alwaysDecline.getOrDefault(customerKey, false)) {
                behaviour = Charge.DECLINE;
            }
        }
        switch (behaviour) {
            case SERVER_ERROR -> respond(exchange, 500, error("FAILED_INTERNAL_SYSTEM_PROCESSING",
                    "내부 시스템 처리 작업이 실패했습니다. 잠시 후 다시 시도해주세요."));
            case DECLINE -> {
                Answer declined = new Answer(403, error("REJECT_CARD_COMPANY",
                        "카드사에서 거절한 결제입니다. 카드사에 문의해주세요."));
                remember(idempotencyKey, declined);
                respond(exchange, declined.status(), declined.body());
            }
            case OK, CHARGE_THEN_DROP, CHARGE_THEN_HANG -> {
                Payment payment = new Payment("pay_" + UUID.randomUUID().toString().replace("-", ""), orderId,
                        customerKey, body.path("amount").asLong());
                paymentOfOrder.put(orderId, payment);
                paymentOfKey.put(payment.paymentKey(), payment);
                payments.add(payment);
                Answer paid = new Answer(200, paymentJson(payment));
                remember(idempotencyKey, paid);
                if (behaviour == Charge.CHARGE_THEN_DROP) {
                    return; // closing the exchange without an answer: the client sees the connection dropped
                }
                if (behaviour == Charge.CHARGE_THEN_HANG) {
                    hanging.add(orderId);
                    try {
                        Thread.sleep(60_000); // charged; the caller waits (and is killed meanwhile)
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                respond(exchange, paid.status(), paid.body());
            }
        }
    }

    private void remember(String idempotencyKey, Answer answer) {
        if (idempotencyKey != null) {
            answerOfIdempotencyKey.put(idempotencyKey, answer);
        }
    }

    private void respondPayment(HttpExchange exchange, Payment payment) throws IOException {
        if (payment == null) {
            respond(exchange, 404, error("NOT_FOUND_PAYMENT", "존재하지 않는 결제 정보 입니다."));
        } else {
            respond(exchange, 200, paymentJson(payment));
        }
    }

    private String paymentJson(Payment payment) {
        ObjectNode node = json.createObjectNode();
        node.put("mId", "tosspayments");
        node.put("version", "2022-11-16");
        node.put("paymentKey", payment.paymentKey());
        node.put("orderId", payment.orderId());
        node.put("orderName", "SalonMate PRO");
        node.put("status", "DONE");
        node.put("method", "카드");
        node.put("currency", "KRW");
        node.put("totalAmount", payment.amount());
        node.put("balanceAmount", payment.amount());
        node.put("requestedAt", OffsetDateTime.now(ZoneOffset.ofHours(9)).toString());
        node.put("approvedAt", OffsetDateTime.now(ZoneOffset.ofHours(9)).toString());
        return node.toString();
    }

    private String error(String code, String message) {
        ObjectNode node = json.createObjectNode();
        node.put("code", code);
        node.put("message", message);
        return node.toString();
    }

    private static String decode(String segment) {
        return URLDecoder.decode(segment, StandardCharsets.UTF_8);
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
