package kr.salonmate.api.review;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.salonmate.api.account.Role;
import kr.salonmate.api.error.ApiException;
import kr.salonmate.api.billing.AiGenerations;
import kr.salonmate.api.ratelimit.RateLimiter;
import kr.salonmate.api.readmodel.ReadModels;
import kr.salonmate.api.security.CurrentUser;
import kr.salonmate.api.security.ShopAccess;
import kr.salonmate.messages.common.PageResult;
import kr.salonmate.messages.review.ApproveReply;
import kr.salonmate.messages.review.AuditEntry;
import kr.salonmate.messages.review.EditReply;
import kr.salonmate.messages.review.FetchReviewHistory;
import kr.salonmate.messages.review.FindReviewAsOf;
import kr.salonmate.messages.review.FindSimilarReviews;
import kr.salonmate.messages.review.FindReviews;
import kr.salonmate.messages.review.MarkReplyPostedManually;
import kr.salonmate.messages.review.RejectReply;
import kr.salonmate.messages.review.RequestReplyDraft;
import kr.salonmate.messages.review.RetryReplyPublish;
import kr.salonmate.messages.review.ReviewId;
import kr.salonmate.messages.review.ReviewSource;
import kr.salonmate.messages.review.ReviewStatus;
import kr.salonmate.messages.review.ReviewView;
import kr.salonmate.messages.review.SimilarReviews;
import kr.salonmate.messages.shop.ShopId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@RequestMapping("/v1/shops/{shopId}/reviews")
@Tag(name = "Reviews", description = "The review inbox, AI drafts, approval and publishing")
public class ReviewController {

    private final ShopAccess access;
    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ReadModels readModels;
    private final RateLimiter rateLimiter;
    private final AiGenerations aiGenerations;

    public ReviewController(ShopAccess access, CommandGateway commands, QueryGateway queries, ReadModels readModels,
                            RateLimiter rateLimiter, AiGenerations aiGenerations) {
        this.aiGenerations = aiGenerations;
        this.access = access;
        this.commands = commands;
        this.queries = queries;
        this.readModels = readModels;
        this.rateLimiter = rateLimiter;
    }

    public record DraftRequest(@Size(max = 500) String instruction) {
    }

    public record EditRequest(@NotBlank @Size(max = 4096) String text, @PositiveOrZero Long expectedVersion) {
    }

    public record ApproveRequest(@Size(max = 4096) String text, @PositiveOrZero Long expectedVersion) {
    }

    public record RejectRequest(@Size(max = 500) String reason) {
    }

    public record History(List<AuditEntry> items) {
    }

    @GetMapping
    @Operation(summary = "The review inbox, newest first")
    public PageResult<ReviewView> list(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID shopId,
                                       @RequestParam(required = false) ReviewStatus status,
                                       @RequestParam(required = false) @Min(1) @Max(5) Integer rating,
                                       @RequestParam(required = false) ReviewSource source,
                                       @RequestParam(required = false) @Size(max = 200)
                                       @Pattern(regexp = "[^\\x00]*", message = "must not contain NUL characters")
                                       String q,
                                       @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                       @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        ShopId shop = access.require(CurrentUser.of(jwt), shopId, Role.STAFF);
        String text = q == null || q.isBlank() ? null : q.strip();
        @SuppressWarnings("unchecked")
        PageResult<ReviewView> result = queries.query(new FindReviews(shop, status, rating, source, text, page, size),
                ResponseTypes.instanceOf(PageResult.class)).join();
        return result;
    }

    @GetMapping("/{reviewId}")
    @Operation(summary = "One review with its reply. With asOf (MANAGER): the review exactly as it stood at that"
            + " instant, rebuilt from its events; 404 REVIEW_NOT_FOUND before it existed")
    public ReviewView get(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID shopId, @PathVariable UUID reviewId,
                          @Parameter(description = "an ISO-8601 instant, e.g. 2026-11-27T03:15:00Z",
                                  schema = @Schema(type = "string", format = "date-time"))
                          @RequestParam(required = false) String asOf) {
        if (asOf == null) {
            ShopId shop = access.require(CurrentUser.of(jwt), shopId, Role.STAFF);
            return existing(shop, reviewId);
        }
        ShopId shop = access.require(CurrentUser.of(jwt), shopId, Role.MANAGER);
        Instant instant = instant("asOf", asOf);
        return queries.query(new FindReviewAsOf(shop, new ReviewId(reviewId), instant),
                        ResponseTypes.optionalInstanceOf(ReviewView.class)).join()
                .orElseThrow(() -> ApiException.notFound("REVIEW_NOT_FOUND",
                        "There was no such review in this shop at that moment",
                        Map.of("reviewId", reviewId, "asOf", instant.toString())));
    }

    private static Instant instant(String name, String value) {
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.validation(name, "must be an ISO-8601 instant, e.g. 2026-11-27T03:15:00Z");
        }
    }

    @PostMapping("/{reviewId}/reply/draft")
    @Operation(summary = "Ask for a new AI draft (replaces the current one); drafting is asynchronous. At most"
            + " SALONMATE_RATE_LIMIT_AI requests a minute per shop (429 RATE_LIMITED with Retry-After); each takes one AI"
            + " generation of the plan's month (402 QUOTA_EXCEEDED when they are used up)")
    public ResponseEntity<ReviewView> requestDraft(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID shopId,
                                                   @PathVariable UUID reviewId,
                                                   @Valid @RequestBody(required = false) DraftRequest body) {
        CurrentUser user = CurrentUser.of(jwt);
        ShopId shop = access.require(user, shopId, Role.STAFF);
        ReviewView review = existing(shop, reviewId);
        rateLimiter.requireAiDraftAllowance(shopId);
        String instruction = body == null || body.instruction() == null || body.instruction().isBlank()
                ? null : body.instruction().strip();
        aiGenerations.onDemand(shop, "REPLY", review.id().value(),
                () -> commands.sendAndWait(new RequestReplyDraft(review.id(), instruction, user.actor())));
        return ResponseEntity.accepted().body(after(shop, review.id()));
    }

    @PutMapping("/{reviewId}/reply")
    @Operation(summary = "Edit the reply text (a human edit)")
    public ReviewView edit(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID shopId, @PathVariable UUID reviewId,
                           @Valid @RequestBody EditRequest body) {
        CurrentUser user = CurrentUser.of(jwt);
        ShopId shop = access.require(user, shopId, Role.STAFF);
        ReviewView review = existing(shop, reviewId);
        commands.sendAndWait(new EditReply(review.id(), body.text(), user.actor(), body.expectedVersion()));
        return after(shop, review.id());
    }

    @PostMapping("/{reviewId}/reply/approve")
    @Operation(summary = "Approve exactly this text for publishing; publishing to Google happens asynchronously")
    public ResponseEntity<ReviewView> approve(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID shopId,
                                              @PathVariable UUID reviewId,
                                              @Valid @RequestBody(required = false) ApproveRequest body) {
        CurrentUser user = CurrentUser.of(jwt);
        ShopId shop = access.require(user, shopId, Role.MANAGER);
        ReviewView review = existing(shop, reviewId);
        String text = body == null ? null : body.text();
        if (text != null && text.isBlank()) {
            throw ApiException.validation("text", "must not be blank");
        }
        commands.sendAndWait(new ApproveReply(review.id(), text, user.actor(),
                body == null ? null : body.expectedVersion()));
        return ResponseEntity.accepted().body(after(shop, review.id()));
    }

    @PostMapping("/{reviewId}/reply/reject")
    @Operation(summary = "Reject the reply; nothing is published")
    public ReviewView reject(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID shopId, @PathVariable UUID reviewId,
                             @Valid @RequestBody(required = false) RejectRequest body) {
        CurrentUser user = CurrentUser.of(jwt);
        ShopId shop = access.require(user, shopId, Role.MANAGER);
        ReviewView review = existing(shop, reviewId);
        String reason = body == null || body.reason() == null || body.reason().isBlank() ? null : body.reason().strip();
        commands.sendAndWait(new RejectReply(review.id(), reason, user.actor()));
        return after(shop, review.id());
    }

    @PostMapping("/{reviewId}/reply/retry")
    @Operation(summary = "Try publishing again after PUBLISH_FAILED")
    public ResponseEntity<ReviewView> retry(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID shopId,
                                            @PathVariable UUID reviewId) {
        CurrentUser user = CurrentUser.of(jwt);
        ShopId shop = access.require(user, shopId, Role.MANAGER);
        ReviewView review = existing(shop, reviewId);
        commands.sendAndWait(new RetryReplyPublish(review.id(), user.actor()));
        return ResponseEntity.accepted().body(after(shop, review.id()));
    }

    @PostMapping("/{reviewId}/reply/posted")
    @Operation(summary = "Naver only: the approved reply was pasted into Naver by hand → PUBLISHED, with the caller"
            + " as the actor in the history. Nothing is sent anywhere. On a Google review 409 CONFLICT")
    public ReviewView posted(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID shopId, @PathVariable UUID reviewId) {
        CurrentUser user = CurrentUser.of(jwt);
        ShopId shop = access.require(user, shopId, Role.STAFF);
        ReviewView review = existing(shop, reviewId);
        commands.sendAndWait(new MarkReplyPostedManually(review.id(), user.actor()));
        return after(shop, review.id());
    }

    @GetMapping("/{reviewId}/history")
    @Operation(summary = "Every action on this review's reply, oldest first, with who did it")
    public History history(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID shopId, @PathVariable UUID reviewId) {
        ShopId shop = access.require(CurrentUser.of(jwt), shopId, Role.MANAGER);
        ReviewView review = existing(shop, reviewId);
        List<AuditEntry> entries = queries.query(new FetchReviewHistory(shop, review.id()),
                ResponseTypes.multipleInstancesOf(AuditEntry.class)).join();
        return new History(entries);
    }

    @GetMapping("/{reviewId}/similar")
    @Operation(summary = "The shop's other reviews most similar to this one that have a published reply, best first"
            + " (score 0–1: the cosine similarity of their texts' embeddings)")
    public SimilarReviews similar(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID shopId,
                                  @PathVariable UUID reviewId,
                                  @RequestParam(defaultValue = "5") @Min(1) @Max(20) int limit) {
        ShopId shop = access.require(CurrentUser.of(jwt), shopId, Role.STAFF);
        return queries.query(new FindSimilarReviews(shop, new ReviewId(reviewId), limit),
                        ResponseTypes.optionalInstanceOf(SimilarReviews.class)).join()
                .orElseThrow(() -> ApiException.notFound("REVIEW_NOT_FOUND", "There is no such review in this shop",
                        Map.of("reviewId", reviewId)));
    }

    private ReviewView existing(ShopId shop, UUID reviewId) {
        return readModels.review(shop, new ReviewId(reviewId)).orElseThrow(() -> ApiException.notFound(
                "REVIEW_NOT_FOUND", "There is no such review in this shop", Map.of("reviewId", reviewId)));
    }

    private ReviewView after(ShopId shop, ReviewId reviewId) {
        return readModels.reviewAfterCommand(shop, reviewId).orElseThrow(() ->
                new ApiException(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL", "The review could not be read"));
    }
}
