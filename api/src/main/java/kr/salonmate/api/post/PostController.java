package kr.salonmate.api.post;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import kr.salonmate.api.account.AccountStore;
import kr.salonmate.api.account.Role;
import kr.salonmate.api.billing.AiGenerations;
import kr.salonmate.api.error.ApiException;
import kr.salonmate.api.media.MediaLinks;
import kr.salonmate.api.media.MediaStore;
import kr.salonmate.api.ratelimit.RateLimiter;
import kr.salonmate.api.readmodel.ReadModels;
import kr.salonmate.api.security.CurrentUser;
import kr.salonmate.api.security.ShopAccess;
import kr.salonmate.messages.common.PageResult;
import kr.salonmate.messages.post.CancelPost;
import kr.salonmate.messages.post.EditCaption;
import kr.salonmate.messages.post.FindPosts;
import kr.salonmate.messages.post.PostId;
import kr.salonmate.messages.post.PostStatus;
import kr.salonmate.messages.post.PostView;
import kr.salonmate.messages.post.PublishPost;
import kr.salonmate.messages.post.RequestCaptionDraft;
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
@RequestMapping("/v1/shops/{shopId}/posts")
@Tag(name = "Posts", description = "Instagram posts: AI caption and hashtags, publish now or on schedule")
public class PostController {

    /** Instagram accepts photos from 4:5 (portrait) to 1.91:1 (landscape). */
    static final double MIN_RATIO = 4.0 / 5.0;
    static final double MAX_RATIO = 1.91;
    static final java.time.Duration MAX_SCHEDULE_AHEAD = java.time.Duration.ofDays(366);

    private final ShopAccess access;
    private final PostCreation creation;
    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ReadModels readModels;
    private final MediaStore media;
    private final MediaLinks links;
    private final AccountStore accounts;
    private final Clock clock;
    private final RateLimiter rateLimiter;
    private final AiGenerations aiGenerations;

    public PostController(ShopAccess access, PostCreation creation, CommandGateway commands, QueryGateway queries,
                          ReadModels readModels, MediaStore media, MediaLinks links, AccountStore accounts,
                          Clock clock, RateLimiter rateLimiter, AiGenerations aiGenerations) {
        this.rateLimiter = rateLimiter;
        this.aiGenerations = aiGenerations;
        this.access = access;
        this.creation = creation;
        this.commands = commands;
        this.queries = queries;
        this.readModels = readModels;
        this.media = media;
        this.links = links;
        this.accounts = accounts;
        this.clock = clock;
    }

    @PostMapping
    @Operation(summary = "Create a post of 1 to 10 uploaded photos (more: a carousel); the caption and hashtags are"
            + " drafted asynchronously; the caption takes one AI generation of the plan's month (402 QUOTA_EXCEEDED when"
            + " they are used up) and counts against SALONMATE_RATE_LIMIT_AI")
    public ResponseEntity<PostResponse> create(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID shopId,
                                               @Valid @RequestBody PostRequests.CreatePostBody body) {
        CurrentUser user = CurrentUser.of(jwt);
        ShopId shop = access.require(user, shopId, Role.STAFF);
        List<UUID> ids = body.mediaIds();
        if (new HashSet<>(ids).size() != ids.size()) {
            throw ApiException.validation("mediaIds", "must not name the same photo twice");
        }
        Map<UUID, MediaStore.Media> found = media.storedInShop(shop.value(), ids).stream()
                .collect(Collectors.toMap(MediaStore.Media::id, Function.identity()));
        for (int i = 0; i < ids.size(); i++) {
            MediaStore.Media photo = found.get(ids.get(i));
            String field = "mediaIds[" + i + "]";
            if (photo == null) {
                throw ApiException.validation(field, "no uploaded photo with this id in this shop");
            }
            double ratio = (double) photo.width() / photo.height();
            if (ratio < MIN_RATIO - 0.005 || ratio > MAX_RATIO + 0.005) {
                throw ApiException.validation(field, String.format(Locale.ROOT, "the photo is %dx%d (aspect ratio"
                        + " %.2f:1); Instagram accepts aspect ratios from 4:5 (0.80:1, portrait) to 1.91:1"
                        + " (landscape): crop it and upload it again", photo.width(), photo.height(), ratio));
            }
        }
        String brief = body.brief() == null || body.brief().isBlank() ? null : body.brief().strip();
        rateLimiter.requireAiDraftAllowance(shopId);
        PostId postId = aiGenerations.onDemand(shop, "CAPTION", null,
                () -> creation.create(shop, ids, brief, user.actor()));
        return ResponseEntity.status(HttpStatus.CREATED).body(after(shop, postId));
    }

    @GetMapping
    @Operation(summary = "The shop's posts, newest first")
    public PageResult<PostResponse> list(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID shopId,
                                         @RequestParam(required = false) PostStatus status,
                                         @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                         @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        ShopId shop = access.require(CurrentUser.of(jwt), shopId, Role.STAFF);
        @SuppressWarnings("unchecked")
        PageResult<PostView> result = queries.query(new FindPosts(shop, status, page, size),
                ResponseTypes.instanceOf(PageResult.class)).join();
        return new PageResult<>(result.items().stream().map(view -> PostResponse.of(view, links)).toList(),
                result.page(), result.size(), result.total());
    }

    @GetMapping("/{postId}")
    @Operation(summary = "One post")
    public PostResponse get(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID shopId, @PathVariable UUID postId) {
        ShopId shop = access.require(CurrentUser.of(jwt), shopId, Role.STAFF);
        return PostResponse.of(existing(shop, postId), links);
    }

    @PutMapping("/{postId}")
    @Operation(summary = "Set the caption and hashtags (a person's edit)")
    public PostResponse edit(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID shopId, @PathVariable UUID postId,
                             @Valid @RequestBody PostRequests.EditPostBody body) {
        CurrentUser user = CurrentUser.of(jwt);
        ShopId shop = access.require(user, shopId, Role.STAFF);
        PostView post = existing(shop, postId);
        // whether a scheduled post may be changed is the aggregate's to decide (the read model may not show the
        // schedule yet); it is told who is asking: STAFF may not change what a MANAGER scheduled (ADR 0016)
        boolean mayEditScheduled = accounts.roleIn(shopId, user.id()).map(role -> role.atLeast(Role.MANAGER))
                .orElse(false);
        commands.sendAndWait(new EditCaption(post.id(), body.caption(), body.hashtags(), user.actor(),
                body.expectedVersion(), mayEditScheduled));
        return after(shop, post.id());
    }

    @PostMapping("/{postId}/caption/draft")
    @Operation(summary = "Ask for a new AI caption (for example after a failed draft); drafting is asynchronous;"
            + " one AI generation (402 QUOTA_EXCEEDED when used up), counts against SALONMATE_RATE_LIMIT_AI")
    public ResponseEntity<PostResponse> redraft(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID shopId,
                                                @PathVariable UUID postId,
                                                @Valid @RequestBody(required = false) PostRequests.RedraftBody body) {
        CurrentUser user = CurrentUser.of(jwt);
        ShopId shop = access.require(user, shopId, Role.STAFF);
        PostView post = existing(shop, postId);
        rateLimiter.requireAiDraftAllowance(shopId);
        aiGenerations.onDemand(shop, "CAPTION", post.id().value(), () -> commands.sendAndWait(
                new RequestCaptionDraft(post.id(), body == null ? null : body.brief(), user.actor())));
        return ResponseEntity.accepted().body(after(shop, post.id()));
    }

    @PostMapping("/{postId}/publish")
    @Operation(summary = "Publish now, or at `at` (ISO-8601 with offset, at most a year ahead) when that is in the"
            + " future; publishing to Instagram happens asynchronously")
    public ResponseEntity<PostResponse> publish(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID shopId,
                                                @PathVariable UUID postId,
                                                @Valid @RequestBody(required = false) PostRequests.PublishBody body) {
        CurrentUser user = CurrentUser.of(jwt);
        ShopId shop = access.require(user, shopId, Role.MANAGER);
        PostView post = existing(shop, postId);
        Instant at = body == null || body.at() == null ? null : body.at().toInstant();
        // a post is scheduled at most a year ahead: further than that is a typo, and a year like +999999999 is
        // beyond what the deadline store (PostgreSQL timestamps) can hold
        if (at != null && at.isAfter(clock.instant().plus(MAX_SCHEDULE_AHEAD))) {
            throw ApiException.validation("at", "must be at most a year from now");
        }
        commands.sendAndWait(new PublishPost(post.id(), at, user.actor()));
        return ResponseEntity.accepted().body(after(shop, post.id()));
    }

    @PostMapping("/{postId}/cancel")
    @Operation(summary = "Cancel the post (not after it is published)")
    public PostResponse cancel(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID shopId,
                               @PathVariable UUID postId) {
        CurrentUser user = CurrentUser.of(jwt);
        ShopId shop = access.require(user, shopId, Role.MANAGER);
        PostView post = existing(shop, postId);
        commands.sendAndWait(new CancelPost(post.id(), user.actor()));
        return after(shop, post.id());
    }

    private PostView existing(ShopId shop, UUID postId) {
        return readModels.post(shop, new PostId(postId)).orElseThrow(() -> ApiException.notFound(
                "POST_NOT_FOUND", "There is no such post in this shop", Map.of("postId", postId)));
    }

    private PostResponse after(ShopId shop, PostId postId) {
        return PostResponse.of(readModels.postAfterCommand(shop, postId).orElseThrow(() ->
                new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "UPSTREAM_UNAVAILABLE",
                        "The post is not readable yet; try again in a moment")), links);
    }
}
