package kr.salonmate.messages.shop;

/**
 * How the shop wants replies written and handled.
 *
 * @param language             {@code AUTO} (reply in the review's language), {@code ko} or {@code en}
 * @param autoPublishMinRating null: every reply needs a human approval; n: AI drafts for reviews rated n or
 *                             higher are approved by the system
 * @param allowOffers          whether a reply may offer refunds or discounts
 */
public record ReplySettings(ReplyTone tone, String language, String signature, boolean autoDraft,
                            Integer autoPublishMinRating, boolean allowOffers) {

    public static ReplySettings defaults() {
        return new ReplySettings(ReplyTone.POLITE, "AUTO", null, true, null, false);
    }
}
