package kr.salonmate.api.billing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import kr.salonmate.api.error.ApiException;
import kr.salonmate.saga.billing.PaymentWebhooks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Toss's webhook. It answers at once and does the work on its own small executor: the payment named in the body is
 * read again from Toss ({@link PaymentWebhooks}); nothing in the body is believed. Anything but a
 * {@code PAYMENT_STATUS_CHANGED} with a payment key is acknowledged and ignored. A full queue answers 503, so that
 * Toss sends it again later.
 */
@RestController
@Tag(name = "Billing")
public class TossWebhookController implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TossWebhookController.class);

    private final PaymentWebhooks webhooks;
    private final ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 2, 30, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(1_000), runnable -> {
                Thread thread = new Thread(runnable, "toss-webhook");
                thread.setDaemon(true);
                return thread;
            });

    public TossWebhookController(PaymentWebhooks webhooks) {
        this.webhooks = webhooks;
    }

    @PostMapping("/v1/billing/toss/webhook")
    @Operation(summary = "Toss Payments' webhook ({eventType:\"PAYMENT_STATUS_CHANGED\", createdAt, data:{paymentKey,"
            + " orderId, status, …}}): 200 at once; the payment is re-read from Toss (GET /v1/payments/{paymentKey})"
            + " before anything changes; unknown orders and repeats change nothing")
    public Map<String, Object> webhook(@RequestBody JsonNode body) {
        String eventType = body.path("eventType").asString("");
        String paymentKey = body.path("data").path("paymentKey").asString("");
        if (!"PAYMENT_STATUS_CHANGED".equals(eventType) || paymentKey.isBlank() || paymentKey.length() > 200) {
            return Map.of("received", true);
        }
        try {
            executor.execute(() -> {
                try {
                    webhooks.paymentStatusChanged(paymentKey);
                } catch (RuntimeException e) {
                    log.warn("A Toss webhook could not be handled: {}", e.toString());
                }
            });
        } catch (RejectedExecutionException busy) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "UPSTREAM_UNAVAILABLE", "Busy; send it again later");
        }
        return Map.of("received", true);
    }

    @Override
    public void close() {
        executor.shutdown();
    }
}
