package kr.salonmate.integration.toss;

/** What {@code /v1/billing/authorizations/issue} answers; {@code billingKey} is a secret (vault only). */
public record TossBillingKey(String billingKey, String customerKey, String cardCompany, String cardLast4) {

    @Override
    public String toString() {
        return "TossBillingKey[customerKey=" + customerKey + ", card=" + cardCompany + " " + cardLast4 + "]";
    }
}
