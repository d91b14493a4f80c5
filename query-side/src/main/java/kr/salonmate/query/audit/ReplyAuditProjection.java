package kr.salonmate.query.audit;

import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import kr.salonmate.messages.common.Actor;
import kr.salonmate.messages.privacy.SubjectKind;
import kr.salonmate.messages.privacy.UserErased;
import kr.salonmate.messages.review.ReviewPersonalDataErased;
import kr.salonmate.messages.review.AuditAction;
import kr.salonmate.messages.review.AutoPublishHeld;
import kr.salonmate.messages.review.ReplyApproved;
import kr.salonmate.messages.review.ReplyDraftFailed;
import kr.salonmate.messages.review.ReplyDraftRequested;
import kr.salonmate.messages.review.ReplyDrafted;
import kr.salonmate.messages.review.ReplyEdited;
import kr.salonmate.messages.review.ReplyFoundAtSource;
import kr.salonmate.messages.review.ReplyPublishFailed;
import kr.salonmate.messages.review.ReplyPublishRetried;
import kr.salonmate.messages.review.ReplyPostedManually;
import kr.salonmate.messages.review.ReplyPublished;
import kr.salonmate.messages.review.ReplyRejected;
import kr.salonmate.messages.review.ReviewEditedAtSource;
import kr.salonmate.messages.review.ReviewId;
import kr.salonmate.messages.review.ReviewReceived;
import kr.salonmate.messages.review.TokenUsage;
import kr.salonmate.messages.shop.ShopId;
import kr.salonmate.query.BatchedInserts;
import kr.salonmate.query.QuerySideModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The audit trail of replies: one entry per review event, in the order of the review's events. Entries are only
 * inserted; (review, sequence) is unique, so a redelivered event adds nothing.
 */
@Component
@ConditionalOnBooleanProperty(name = QuerySideModule.ENABLED_PROPERTY, matchIfMissing = true)
@ProcessingGroup(ReplyAuditProjection.GROUP)
public class ReplyAuditProjection {

    public static final String GROUP = "reply-audit";

    private static final String INSERT = """
            INSERT INTO reply_audit (review_id, shop_id, sequence, occurred_at, action, actor_type, actor_user_id,
                                     actor_name, text, previous_text, model, detail)
            VALUES (:reviewId, :shopId, :sequence, :occurredAt, :action, :actorType, :actorUserId,
                    :actorName, :text, :previousText, :model, :detail)
            ON CONFLICT (review_id, sequence) DO NOTHING
            """;

    private final NamedParameterJdbcTemplate jdbc;
    /** A batch's entries, inserted together before it commits; the projection's updates flush them first. */
    private final BatchedInserts entries;

    ReplyAuditProjection(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.entries = new BatchedInserts(jdbc, INSERT);
    }

    @EventHandler
    void on(ReviewReceived e, @SequenceNumber long sequence) {
        record(e.reviewId(), e.shopId(), sequence, e.receivedAt(), AuditAction.SYNCED, Actor.system(),
                e.comment(), null, null, stars(e.rating()));
    }

    @EventHandler
    void on(ReviewEditedAtSource e, @SequenceNumber long sequence) {
        String detail = e.rating() == e.previousRating() ? stars(e.rating())
                : stars(e.previousRating()) + " → " + stars(e.rating());
        record(e.reviewId(), e.shopId(), sequence, e.at(), AuditAction.EDITED_AT_SOURCE, Actor.system(),
                e.comment(), e.previousComment(), null, detail);
    }

    /**
     * Not an entry of its own: API.md's audit actions are fixed, and nothing happened to the reply — it waits, which
     * the review itself says ({@code reply.autoPublishHold}) until a person acts, and that act is an entry.
     */
    @EventHandler
    void on(AutoPublishHeld e) {
        // deliberately nothing (see above)
    }

    @EventHandler
    void on(ReplyFoundAtSource e, @SequenceNumber long sequence) {
        record(e.reviewId(), e.shopId(), sequence, e.at(), AuditAction.REPLIED_AT_SOURCE, Actor.system(),
                e.text(), null, null, null);
    }

    @EventHandler
    void on(ReplyDraftRequested e, @SequenceNumber long sequence) {
        record(e.reviewId(), e.shopId(), sequence, e.at(), AuditAction.DRAFT_REQUESTED, e.requestedBy(),
                null, null, null, e.instruction());
    }

    @EventHandler
    void on(ReplyDrafted e, @SequenceNumber long sequence) {
        record(e.reviewId(), e.shopId(), sequence, e.at(), AuditAction.DRAFTED, Actor.ai(e.model()),
                e.text(), null, e.model(), draftDetail(e.promptVersion(), e.tokenUsage(), e.examples()));
    }

    @EventHandler
    void on(ReplyDraftFailed e, @SequenceNumber long sequence) {
        record(e.reviewId(), e.shopId(), sequence, e.at(), AuditAction.DRAFT_FAILED, Actor.system(),
                null, null, null, e.reason() + " (attempts: " + e.attempts() + ")");
    }

    @EventHandler
    void on(ReplyEdited e, @SequenceNumber long sequence) {
        record(e.reviewId(), e.shopId(), sequence, e.at(), AuditAction.EDITED, e.editedBy(),
                e.text(), e.previousText(), null, null);
    }

    @EventHandler
    void on(ReplyApproved e, @SequenceNumber long sequence) {
        record(e.reviewId(), e.shopId(), sequence, e.at(), AuditAction.APPROVED, e.approvedBy(),
                e.text(), null, null, null);
    }

    @EventHandler
    void on(ReplyRejected e, @SequenceNumber long sequence) {
        record(e.reviewId(), e.shopId(), sequence, e.at(), AuditAction.REJECTED, e.rejectedBy(),
                null, null, null, e.reason());
    }

    @EventHandler
    void on(ReplyPublished e, @SequenceNumber long sequence) {
        record(e.reviewId(), e.shopId(), sequence, e.at(), AuditAction.PUBLISHED, Actor.system(),
                e.text(), null, null, e.externalId());
    }

    /** Pasted into Naver by a person: the same PUBLISHED entry, with that person as its actor. */
    @EventHandler
    void on(ReplyPostedManually e, @SequenceNumber long sequence) {
        record(e.reviewId(), e.shopId(), sequence, e.at(), AuditAction.PUBLISHED, e.postedBy(),
                e.text(), null, null, e.externalId() + " (posted by hand at " + e.source() + ")");
    }

    @EventHandler
    void on(ReplyPublishFailed e, @SequenceNumber long sequence) {
        record(e.reviewId(), e.shopId(), sequence, e.at(), AuditAction.PUBLISH_FAILED, Actor.system(),
                null, null, null, e.code() + ": " + e.message() + " (attempts: " + e.attempts() + ")");
    }

    /** A retry is a new approval of the same text, by the person who asked for it. */
    @EventHandler
    void on(ReplyPublishRetried e, @SequenceNumber long sequence) {
        record(e.reviewId(), e.shopId(), sequence, e.at(), AuditAction.APPROVED, e.retriedBy(),
                e.text(), null, null, "retry");
    }

    /**
     * Erasing is an entry of its own; the reviewer's text that SYNCED and EDITED_AT_SOURCE entries copied goes. The
     * shop's replies (DRAFTED, EDITED, APPROVED, PUBLISHED, REPLIED_AT_SOURCE) stay.
     */
    @EventHandler
    void on(ReviewPersonalDataErased e, @SequenceNumber long sequence) {
        entries.flush();
        jdbc.update("""
                UPDATE reply_audit SET text = CASE WHEN text IS NULL THEN NULL ELSE :erased END,
                                       previous_text = CASE WHEN previous_text IS NULL THEN NULL ELSE :erased END
                WHERE review_id = :reviewId AND action IN ('SYNCED', 'EDITED_AT_SOURCE')""",
                new MapSqlParameterSource()
                        .addValue("reviewId", e.reviewId().value(), Types.OTHER)
                        .addValue("erased", SubjectKind.ERASED_TEXT, Types.VARCHAR));
        record(e.reviewId(), e.shopId(), sequence, e.at(), AuditAction.ERASED, e.erasedBy(),
                null, null, null, null);
    }

    /** A deleted user's name goes from every entry they are the actor of; the entries stay. */
    @EventHandler
    void on(UserErased e) {
        entries.flush();
        jdbc.update("UPDATE reply_audit SET actor_name = :name WHERE actor_user_id = :userId",
                new MapSqlParameterSource()
                        .addValue("userId", e.userId(), Types.OTHER)
                        .addValue("name", SubjectKind.DELETED_USER, Types.VARCHAR));
    }

    @ResetHandler
    void reset() {
        jdbc.getJdbcTemplate().update("DELETE FROM reply_audit");
    }

    private void record(ReviewId reviewId, ShopId shopId, long sequence, Instant at, AuditAction action, Actor actor,
                        String text, String previousText, String model, String detail) {
        Actor who = actor != null ? actor : Actor.system();
        entries.add(new MapSqlParameterSource()
                .addValue("reviewId", reviewId.value(), Types.OTHER)
                .addValue("shopId", shopId.value(), Types.OTHER)
                .addValue("sequence", sequence, Types.BIGINT)
                .addValue("occurredAt", at.atOffset(ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE)
                .addValue("action", action.name(), Types.VARCHAR)
                .addValue("actorType", who.type().name(), Types.VARCHAR)
                .addValue("actorUserId", who.userId(), Types.OTHER)
                .addValue("actorName", who.name(), Types.VARCHAR)
                .addValue("text", text, Types.VARCHAR)
                .addValue("previousText", previousText, Types.VARCHAR)
                .addValue("model", model, Types.VARCHAR)
                .addValue("detail", detail, Types.VARCHAR));
    }

    private static String stars(int rating) {
        return "★" + rating;
    }

    /** The prompt, the tokens, and the reviews whose replies were the examples of the shop's voice (if any). */
    static String draftDetail(String promptVersion, TokenUsage tokens, List<ReviewId> examples) {
        String prompt = "prompt " + (promptVersion == null ? "?" : promptVersion);
        String detail = tokens == null ? prompt
                : prompt + ", tokens " + tokens.promptTokens() + "+" + tokens.completionTokens();
        return examples == null || examples.isEmpty() ? detail : detail + ", examples: "
                + String.join(" ", examples.stream().map(ReviewId::toString).toList());
    }
}
