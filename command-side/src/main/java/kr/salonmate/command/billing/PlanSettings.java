package kr.salonmate.command.billing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code salonmate.plan.*}: AI generations a month of each plan and PRO's monthly price in KRW (VAT included).
 * Environment: {@code SALONMATE_PLAN_FREE_AI_QUOTA}, {@code SALONMATE_PLAN_PRO_AI_QUOTA},
 * {@code SALONMATE_PLAN_PRO_PRICE_KRW}.
 */
@ConfigurationProperties("salonmate.plan")
public record PlanSettings(@DefaultValue("30") int freeAiQuota, @DefaultValue("1000") int proAiQuota,
                           @DefaultValue("29000") long proPriceKrw) {

    public PlanSettings {
        freeAiQuota = Math.max(0, freeAiQuota);
        proAiQuota = Math.max(0, proAiQuota);
    }
}
