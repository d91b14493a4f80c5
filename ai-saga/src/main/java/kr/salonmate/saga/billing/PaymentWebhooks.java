package kr.salonmate.saga.billing;

import kr.salonmate.integration.toss.TossPayment;
import kr.salonmate.integration.toss.TossPayments;
import kr.salonmate.integration.toss.TossRejected;
import kr.salonmate.messages.billing.BillingId;
import kr.salonmate.messages.billing.OrderIds;
import kr.salonmate.messages.billing.RecordPayment;
import kr.salonmate.messages.shop.ShopId;
import kr.salonmate.saga.SagaModule;
import kr.salonmate.saga.common.Dispatch;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * A Toss {@code PAYMENT_STATUS_CHANGED} webhook is a hint, never a fact: the payment is read again from Toss by
 * its key, and only a {@code DONE} payment of one of our orders is reported ({@code RecordPayment}). The billing
 * aggregate takes it only for the order it is charging, for the amount it asked, and once; so a forged, repeated or
 * unknown notification changes nothing. It rescues a charge whose answer never reached us.
 */
@Component
@ConditionalOnBooleanProperty(name = SagaModule.ENABLED_PROPERTY, matchIfMissing = true)
public class PaymentWebhooks {

    private static final Logger log = LoggerFactory.getLogger(PaymentWebhooks.class);

    private final TossPayments toss;
    private final CommandGateway commands;

    public PaymentWebhooks(TossPayments toss, CommandGateway commands) {
        this.toss = toss;
        this.commands = commands;
    }

    /** Checks {@code paymentKey} with Toss and records the payment when it is one of ours and done. */
    public void paymentStatusChanged(String paymentKey) {
        TossPayment payment;
        try {
            payment = toss.paymentByKey(paymentKey);
        } catch (TossRejected e) {
            log.warn("Webhook about a payment Toss does not know ({}): ignored", e.code());
            return;
        }
        ShopId shopId = OrderIds.shopOf(payment.orderId());
        if (shopId == null) {
            log.warn("Webhook about order {}, which is not one of ours: ignored", payment.orderId());
            return;
        }
        if (!payment.done()) {
            log.info("Webhook: order {} is {}: nothing to record", payment.orderId(), payment.status());
            return;
        }
        Dispatch.Result result = Dispatch.send(commands, new RecordPayment(BillingId.of(shopId), payment.orderId(),
                payment.paymentKey(), payment.totalAmount(), payment.approvedAt()), log);
        if (result == Dispatch.Result.FAILED) {
            throw new IllegalStateException("Could not record payment of order " + payment.orderId());
        }
    }
}
