package kr.salonmate.saga.ai;

/**
 * The model port: writes a reply to one review, following the shop's settings. Implementations are thread-safe
 * and may take seconds (a language model); they throw {@link DraftFailed} (or any runtime exception) when no
 * draft could be written.
 */
public interface ReplyDrafter {

    Draft draft(DraftRequest request);
}
