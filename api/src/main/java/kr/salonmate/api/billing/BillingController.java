package kr.salonmate.api.billing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import kr.salonmate.api.account.Role;
import kr.salonmate.api.security.CurrentUser;
import kr.salonmate.api.security.ShopAccess;
import kr.salonmate.command.billing.PlanSettings;
import kr.salonmate.integration.toss.TossProperties;
import kr.salonmate.messages.shop.ShopId;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Billing", description = "Plans, the month's AI generations, the PRO subscription paid through Toss")
public class BillingController {

    private final ShopAccess access;
    private final Subscriptions subscriptions;
    private final TossProperties toss;
    private final PlanSettings plans;

    public BillingController(ShopAccess access, Subscriptions subscriptions, TossProperties toss, PlanSettings plans) {
        this.access = access;
        this.subscriptions = subscriptions;
        this.toss = toss;
        this.plans = plans;
    }

    public record SubscribeRequest(@NotBlank @Pattern(regexp = "PRO", message = "must be PRO") String plan,
                                   @NotBlank @Size(min = 2, max = 300)
                                   @Pattern(regexp = "[A-Za-z0-9\\-_=.@]+", message = "must be Toss's customerKey")
                                   String customerKey,
                                   @NotBlank @Size(max = 300)
                                   @Pattern(regexp = "[A-Za-z0-9\\-_=.]+", message = "must be Toss's authKey")
                                   String authKey) {
    }

    /**
     * The plans and what the page needs to open Toss's card-registration window; no client key: upgrading is not
     * offered (hidden).
     */
    public record BillingConfig(int freeAiQuota, int proAiQuota, long proPriceKrw, String clientKey, String sdkUrl) {
    }

    @GetMapping("/v1/shops/{shopId}/billing")
    @Operation(summary = "The plan, this month's AI generations (aiUsed of aiQuota), the period, the card and the"
            + " charges, newest first (OWNER)")
    public BillingResponse billing(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID shopId) {
        ShopId shop = access.require(CurrentUser.of(jwt), shopId, Role.OWNER);
        return subscriptions.view(shop);
    }

    @PostMapping("/v1/shops/{shopId}/billing/subscribe")
    @Operation(summary = "Upgrade to PRO with the customerKey and authKey of Toss's card-registration window: 200 once"
            + " the billing key is issued and the first period charged; a refused card is 402 PAYMENT_FAILED (Toss's"
            + " code and message in details) and changes nothing; already PRO: 409; Toss not answering: 503 (the"
            + " order is settled by Toss's webhook, never charged twice)")
    public BillingResponse subscribe(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID shopId,
                                     @Valid @RequestBody SubscribeRequest body) {
        ShopId shop = access.require(CurrentUser.of(jwt), shopId, Role.OWNER);
        return subscriptions.subscribe(shop, body.customerKey(), body.authKey());
    }

    @PostMapping("/v1/shops/{shopId}/billing/cancel")
    @Operation(summary = "Cancel PRO: CANCELLING, PRO until periodEnd, then FREE; nothing is charged any more. Not"
            + " PRO (or cancelled already): 409")
    public BillingResponse cancel(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID shopId) {
        CurrentUser user = CurrentUser.of(jwt);
        ShopId shop = access.require(user, shopId, Role.OWNER);
        return subscriptions.cancel(shop, user.actor());
    }

    @GetMapping("/v1/billing/config")
    @Operation(summary = "Public, for the page: the plans (AI generations a month, PRO's monthly price in KRW, VAT"
            + " included), Toss's client key (null: upgrading is not offered) and its SDK script URL")
    public BillingConfig config() {
        return new BillingConfig(plans.freeAiQuota(), plans.proAiQuota(), plans.proPriceKrw(),
                toss.upgradeOffered() ? toss.clientKey() : null, toss.sdkUrl());
    }
}
