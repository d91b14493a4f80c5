package kr.salonmate.api.shop;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import kr.salonmate.api.account.Role;
import kr.salonmate.api.error.ApiException;
import kr.salonmate.api.readmodel.ReadModels;
import kr.salonmate.api.security.CurrentUser;
import kr.salonmate.api.security.ShopAccess;
import kr.salonmate.integration.connections.ShopConnections;
import kr.salonmate.messages.shop.ChangeReplySettings;
import kr.salonmate.messages.shop.ReplySettings;
import kr.salonmate.messages.shop.ShopId;
import kr.salonmate.messages.shop.ShopView;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/v1/shops")
@Tag(name = "Shops", description = "Shops, reply settings, the Google connection and on-demand sync")
public class ShopController {

    private final ShopAccess access;
    private final ShopRegistration registration;
    private final CommandGateway commands;
    private final ReadModels readModels;
    private final ObjectProvider<ShopConnections> connections;
    private final Clock clock;

    public ShopController(ShopAccess access, ShopRegistration registration, CommandGateway commands,
                          ReadModels readModels, ObjectProvider<ShopConnections> connections, Clock clock) {
        this.access = access;
        this.registration = registration;
        this.commands = commands;
        this.readModels = readModels;
        this.connections = connections;
        this.clock = clock;
    }

    @PostMapping
    @Operation(summary = "Create another shop; the caller becomes its OWNER")
    public ResponseEntity<ShopResponse> create(@AuthenticationPrincipal Jwt jwt,
                                               @Valid @RequestBody ShopRequests.CreateShop body) {
        CurrentUser user = CurrentUser.of(jwt);
        String timezone = ShopRegistration.timezoneOrDefault(body.timezone());
        ShopId shopId = registration.register(body.name(), timezone, body.locale() == null ? "ko" : body.locale(),
                user.id(), user.name());
        return ResponseEntity.status(HttpStatus.CREATED).body(ShopResponse.of(
                readModels.shopAfterCommand(shopId, view -> true).orElseThrow(ShopController::notYetReadable)));
    }

    @GetMapping("/{shopId}")
    @Operation(summary = "The shop with its reply settings and connections")
    public ShopResponse get(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID shopId) {
        ShopId shop = access.require(CurrentUser.of(jwt), shopId, Role.STAFF);
        return ShopResponse.of(readModels.shopAfterCommand(shop, view -> true).orElseThrow(ShopController::notYetReadable));
    }

    @PutMapping("/{shopId}/reply-settings")
    @Operation(summary = "How replies are written: tone, language, signature, auto-draft, auto-publish")
    public ShopResponse replySettings(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID shopId,
                                      @Valid @RequestBody ShopRequests.ReplySettingsBody body) {
        CurrentUser user = CurrentUser.of(jwt);
        ShopId shop = access.require(user, shopId, Role.OWNER);
        String signature = body.signature() == null || body.signature().isBlank() ? null : body.signature().strip();
        ReplySettings settings = new ReplySettings(body.tone(), body.language(), signature, body.autoDraft(),
                body.autoPublishMinRating(), Boolean.TRUE.equals(body.allowOffers()));
        commands.sendAndWait(new ChangeReplySettings(shop, settings, user.actor()));
        return ShopResponse.of(readModels.shopAfterCommand(shop, view -> settings.equals(view.replySettings()))
                .orElseThrow(ShopController::notYetReadable));
    }

    @PutMapping("/{shopId}/connections/google")
    @Operation(summary = "Connect a Google Business Profile location. The refresh token is checked with Google, "
            + "stored encrypted, and never echoed")
    public ShopResponse connectGoogle(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID shopId,
                                      @Valid @RequestBody ShopRequests.GoogleConnectionBody body) {
        CurrentUser user = CurrentUser.of(jwt);
        ShopId shop = access.require(user, shopId, Role.OWNER);
        String credentialRef = connections("This node does not talk to Google; try another node")
                .connectGoogle(shop, body.accountId(), body.locationId(), body.refreshToken(), user.actor());
        return ShopResponse.of(readModels.shopAfterCommand(shop, view -> view.google() != null
                        && Objects.equals(view.google().credentialRef(), credentialRef))
                .orElseThrow(ShopController::notYetReadable));
    }

    @PutMapping("/{shopId}/connections/instagram")
    @Operation(summary = "Connect an Instagram professional account. The access token is checked with Instagram,"
            + " stored encrypted, and never echoed")
    public ShopResponse connectInstagram(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID shopId,
                                         @Valid @RequestBody ShopRequests.InstagramConnectionBody body) {
        CurrentUser user = CurrentUser.of(jwt);
        ShopId shop = access.require(user, shopId, Role.OWNER);
        String credentialRef = connections("This node does not talk to Instagram; try another node")
                .connectInstagram(shop, body.igUserId(), body.accessToken(), user.actor());
        return ShopResponse.of(readModels.shopAfterCommand(shop, view -> view.instagram() != null
                        && Objects.equals(view.instagram().credentialRef(), credentialRef))
                .orElseThrow(ShopController::notYetReadable));
    }

    @PostMapping("/{shopId}/reviews/sync")
    @Operation(summary = "Sync the shop's Google reviews now (asynchronously)")
    public ResponseEntity<Map<String, Instant>> syncNow(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID shopId) {
        ShopId shop = access.require(CurrentUser.of(jwt), shopId, Role.MANAGER);
        ShopView view = readModels.shop(shop).orElseThrow(ShopController::notYetReadable);
        if (view.google() == null) {
            throw new ApiException(HttpStatus.CONFLICT, "CONFLICT", "Connect Google first, then sync");
        }
        ShopConnections here = connections("This node does not run syncs; try another node");
        Instant requestedAt = clock.instant();
        here.syncReviewsNow(shop);
        return ResponseEntity.accepted().body(Map.of("requestedAt", requestedAt));
    }

    /**
     * This node's door to Google, Instagram and the review sync; 503 with {@code whyNotHere} on a node without them.
     * What the door itself refuses (a rejected token, a service out of reach) is answered by
     * {@code ApiExceptionHandler}.
     */
    private ShopConnections connections(String whyNotHere) {
        ShopConnections here = connections.getIfAvailable();
        if (here == null) {
            throw upstreamUnavailable(whyNotHere);
        }
        return here;
    }

    private static ApiException upstreamUnavailable(String message) {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "UPSTREAM_UNAVAILABLE", message);
    }

    private static ApiException notYetReadable() {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "UPSTREAM_UNAVAILABLE",
                "The shop is not readable yet; try again in a moment");
    }
}
