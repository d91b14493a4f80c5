package kr.salonmate.saga.ai;

/**
 * The model port for Instagram captions: a caption and 5–15 relevant hashtags in the shop's language and tone.
 * Implementations are thread-safe and may take seconds; they throw {@link DraftFailed} (or any runtime exception)
 * when no caption could be written.
 */
public interface CaptionDrafter {

    CaptionDraft draft(CaptionRequest request);
}
