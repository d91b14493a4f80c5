package kr.salonmate.saga.ai;

import kr.salonmate.messages.review.TokenUsage;

/** A drafted reply with what produced it, for the audit trail. */
public record Draft(String text, String model, String promptVersion, TokenUsage tokenUsage) {
}
