package kr.salonmate.api.billing;

import java.util.UUID;
import java.util.function.Supplier;
import kr.salonmate.api.readmodel.ReadModels;
import kr.salonmate.messages.billing.BillingId;
import kr.salonmate.messages.billing.ReturnAiGeneration;
import kr.salonmate.messages.billing.UseAiGeneration;
import kr.salonmate.messages.shop.ShopId;
import kr.salonmate.messages.shop.ShopView;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * An on-demand draft or caption takes its generation from the shop's quota before anything is asked
 * ({@code 402 QUOTA_EXCEEDED} when none is left), and gives it back when the request itself is then refused, so
 * that only what reaches the model is counted.
 */
@Service
public class AiGenerations {

    private static final Logger log = LoggerFactory.getLogger(AiGenerations.class);

    private final CommandGateway commands;
    private final ReadModels readModels;

    public AiGenerations(CommandGateway commands, ReadModels readModels) {
        this.commands = commands;
        this.readModels = readModels;
    }

    /** Takes one generation for {@code purpose} ({@code REPLY}, {@code CAPTION}) and then runs {@code request}. */
    public <T> T onDemand(ShopId shopId, String purpose, UUID subjectId, Supplier<T> request) {
        String zone = readModels.shop(shopId).map(ShopView::timezone).orElse(null);
        UUID generation = UUID.randomUUID();
        commands.sendAndWait(new UseAiGeneration(BillingId.of(shopId), shopId, zone, purpose, generation, false,
                null));
        try {
            return request.get();
        } catch (RuntimeException refused) {
            try {
                commands.sendAndWait(new ReturnAiGeneration(BillingId.of(shopId), generation));
            } catch (RuntimeException e) {
                log.warn("Could not give back generation {} of shop {} ({} for {}): {}", generation, shopId, purpose,
                        subjectId, e.toString());
            }
            throw refused;
        }
    }
}
