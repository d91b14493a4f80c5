package kr.salonmate.api.review;

import static kr.salonmate.api.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import kr.salonmate.api.support.IntegrationTest;
import kr.salonmate.messages.common.Actor;
import kr.salonmate.messages.review.ApproveReply;
import kr.salonmate.messages.review.EditReply;
import kr.salonmate.messages.review.RejectReply;
import kr.salonmate.messages.review.ReplyApproved;
import kr.salonmate.messages.review.ReplyDraftFailed;
import kr.salonmate.messages.review.ReplyDraftRequested;
import kr.salonmate.messages.review.ReplyDrafted;
import kr.salonmate.messages.review.ReplyEdited;
import kr.salonmate.messages.review.ReplyFoundAtSource;
import kr.salonmate.messages.review.ReplyPublishFailed;
import kr.salonmate.messages.review.ReplyPublishRetried;
import kr.salonmate.messages.review.ReplyPublished;
import kr.salonmate.messages.review.ReplyRejected;
import kr.salonmate.messages.review.RequestReplyDraft;
import kr.salonmate.messages.review.RetryReplyPublish;
import kr.salonmate.messages.review.ReviewEditedAtSource;
import kr.salonmate.messages.review.ReviewId;
import kr.salonmate.messages.review.ReviewReceived;
import kr.salonmate.messages.review.ReviewSource;
import kr.salonmate.messages.review.SourceReply;
import kr.salonmate.messages.review.SyncReview;
import kr.salonmate.messages.shop.ShopId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The audit trail is complete by construction: a random sequence of review commands, sent to the real
 * application (whose sagas add drafts and publishing attempts of their own), leaves exactly one audit entry per
 * review event, with the action that event means, and nothing else.
 */
class AuditCompletenessTest extends IntegrationTest {

    private static final Map<String, String> ACTION_OF_EVENT = Map.ofEntries(
            Map.entry(ReviewReceived.class.getName(), "SYNCED"),
            Map.entry(ReviewEditedAtSource.class.getName(), "EDITED_AT_SOURCE"),
            Map.entry(ReplyFoundAtSource.class.getName(), "REPLIED_AT_SOURCE"),
            Map.entry(ReplyDraftRequested.class.getName(), "DRAFT_REQUESTED"),
            Map.entry(ReplyDrafted.class.getName(), "DRAFTED"),
            Map.entry(ReplyDraftFailed.class.getName(), "DRAFT_FAILED"),
            Map.entry(ReplyEdited.class.getName(), "EDITED"),
            Map.entry(ReplyApproved.class.getName(), "APPROVED"),
            Map.entry(ReplyRejected.class.getName(), "REJECTED"),
            Map.entry(ReplyPublished.class.getName(), "PUBLISHED"),
            Map.entry(ReplyPublishFailed.class.getName(), "PUBLISH_FAILED"),
            Map.entry(ReplyPublishRetried.class.getName(), "APPROVED"),
            Map.entry(kr.salonmate.messages.review.ReviewPersonalDataErased.class.getName(), "ERASED"));
    private static final List<Actor> PEOPLE = List.of(Actor.user(UUID.randomUUID(), "김사장"),
            Actor.user(UUID.randomUUID(), "Lee"), Actor.system());

    @Autowired
    private CommandGateway commands;
    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void everyReviewEventHasExactlyOneAuditEntryAndNothingElseAppears() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Owner owner = signUp("랜덤 살롱");
        ShopId shop = ShopId.of(owner.shopId());
        List<ReviewId> reviews = new ArrayList<>();
        int sent = 0;
        int refused = 0;
        for (int r = 0; r < 6; r++) {
            String externalId = "random-" + r + "-" + UUID.randomUUID();
            ReviewId review = ReviewId.derive(shop, ReviewSource.GOOGLE, externalId);
            reviews.add(review);
            for (int step = 0; step < 14; step++) {
                Object command = step == 0 ? sync(review, shop, externalId, 5, "첫 리뷰", null)
                        : randomCommand(random, review, shop, externalId);
                sent++;
                try {
                    commands.sendAndWait(command);
                } catch (RuntimeException refusal) {
                    refused++; // a rule said no: that is part of a random walk
                }
            }
        }
        assertThat(sent - refused).as("seed " + seed + ": commands accepted").isGreaterThan(20);

        Map<String, String> expected = eventually(() -> events(reviews), e -> !e.isEmpty(), "events");
        Map<String, String> audited = eventually(() -> audit(shop),
                entries -> entries.equals(events(reviews)), "seed " + seed + ": one audit entry per review event");

        assertThat(audited).as("seed " + seed).containsAllEntriesOf(expected);
        assertThat(new java.util.HashSet<>(audited.values())).as("seed " + seed + ": kinds of actions")
                .contains("SYNCED").hasSizeGreaterThanOrEqualTo(4);
    }

    private static Object randomCommand(Random random, ReviewId review, ShopId shop, String externalId) {
        Actor who = PEOPLE.get(random.nextInt(PEOPLE.size()));
        return switch (random.nextInt(9)) {
            case 0 -> sync(review, shop, externalId, 1 + random.nextInt(5), "수정된 리뷰 " + random.nextInt(3), null);
            case 1 -> sync(review, shop, externalId, 5, "첫 리뷰",
                    random.nextBoolean() ? new SourceReply("사장님이 구글에서 직접 쓴 답글", Instant.now()) : null);
            case 2, 3 -> new RequestReplyDraft(review, random.nextBoolean() ? "더 짧게" : null, who);
            case 4 -> new EditReply(review, "사람이 고친 답글 " + random.nextInt(4), who, null);
            case 5, 6 -> new ApproveReply(review, random.nextBoolean() ? null : "승인하며 고친 답글", who, null);
            case 7 -> new RejectReply(review, random.nextBoolean() ? "tone" : null, who);
            default -> new RetryReplyPublish(review, who);
        };
    }

    private static SyncReview sync(ReviewId review, ShopId shop, String externalId, int rating, String comment,
                                   SourceReply reply) {
        Instant written = Instant.parse("2026-11-20T03:00:00Z");
        return new SyncReview(review, shop, ReviewSource.GOOGLE, externalId, "고객", rating, comment, "ko", written,
                written, reply);
    }

    /** (review, sequence) → the action its event means, for every event of these reviews in the event store. */
    private Map<String, String> events(List<ReviewId> reviews) {
        Map<String, String> result = new TreeMap<>();
        for (ReviewId review : reviews) {
            jdbc.query("SELECT sequence_number, payload_type FROM domain_event_entry WHERE aggregate_identifier = ?",
                    rs -> {
                        String action = ACTION_OF_EVENT.get(rs.getString("payload_type"));
                        result.put(review + "#" + rs.getLong("sequence_number"),
                                action == null ? "no audit action for " + rs.getString("payload_type") : action);
                    }, review.toString());
        }
        return result;
    }

    /** (review, sequence) → action of every audit entry of the shop. */
    private Map<String, String> audit(ShopId shop) {
        Map<String, String> result = new TreeMap<>();
        jdbc.query("SELECT review_id, sequence, action FROM reply_audit WHERE shop_id = ?",
                rs -> {
                    String key = rs.getObject("review_id") + "#" + rs.getLong("sequence");
                    assertThat(result.put(key, rs.getString("action"))).as("a second entry for " + key).isNull();
                }, shop.value());
        return result;
    }
}
