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
import kr.salonmate.api.review.ReadModels;
import kr.salonmate.api.security.CurrentUser;
import kr.salonmate.api.security.ShopAccess;
import kr.salonmate.integration.credentials.CredentialKind;
import kr.salonmate.integration.credentials.CredentialVault;
import kr.salonmate.integration.google.GoogleApiException;
import kr.salonmate.integration.google.GoogleAuthRejected;
import kr.salonmate.integration.google.GoogleBusinessClient;
import kr.salonmate.integration.google.ReviewSync;
import kr.salonmate.integration.instagram.InstagramApiException;
import kr.salonmate.integration.instagram.InstagramGraphClient;
import kr.salonmate.messages.shop.ChangeReplySettings;
import kr.salonmate.messages.shop.ConnectGoogleLocation;
import kr.salonmate.messages.shop.ConnectInstagramAccount;
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
    private final ObjectProvider<GoogleBusinessClient> google;
    private final ObjectProvider<CredentialVault> vault;
    private final ObjectProvider<ReviewSync> sync;
    private final ObjectProvider<InstagramGraphClient> instagram;
    private final Clock clock;

    public ShopController(ShopAccess access, ShopRegistration registration, CommandGateway commands,
                          ReadModels readModels, ObjectProvider<GoogleBusinessClient> google,
                          ObjectProvider<CredentialVault> vault, ObjectProvider<ReviewSync> sync,
                          ObjectProvider<InstagramGraphClient> instagram, Clock clock) {
        this.access = access;
        this.registration = registration;
        this.commands = commands;
        this.readModels = readModels;
        this.google = google;
        this.vault = vault;
        this.sync = sync;
        this.instagram = instagram;
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
        GoogleBusinessClient client = google.getIfAvailable();
        CredentialVault credentials = vault.getIfAvailable();
        if (client == null || credentials == null) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "UPSTREAM_UNAVAILABLE",
                    "This node does not talk to Google; try another node");
        }
        try {
            client.exchangeRefreshToken(body.refreshToken());
        } catch (GoogleAuthRejected e) {
            throw ApiException.validation("refreshToken", "Google did not accept this refresh token");
        } catch (GoogleApiException e) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "UPSTREAM_UNAVAILABLE",
                    "Google could not be reached to check the token; try again shortly");
        }
        String previous = readModels.shop(shop).map(ShopView::google).map(ShopView.GoogleConnection::credentialRef)
                .orElse(null);
        String credentialRef = credentials.store(shop, CredentialKind.GOOGLE_REFRESH_TOKEN, body.refreshToken());
        commands.sendAndWait(new ConnectGoogleLocation(shop, body.accountId(), body.locationId(), credentialRef,
                user.actor()));
        if (previous != null && !previous.equals(credentialRef)) {
            credentials.delete(previous); // the old token is of no use any more; do not keep secrets around
        }
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
        InstagramGraphClient client = instagram.getIfAvailable();
        CredentialVault credentials = vault.getIfAvailable();
        if (client == null || credentials == null) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "UPSTREAM_UNAVAILABLE",
                    "This node does not talk to Instagram; try another node");
        }
        try {
            client.accountId(body.igUserId(), body.accessToken());
        } catch (InstagramApiException e) {
            if (e.isTransient()) {
                throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "UPSTREAM_UNAVAILABLE",
                        "Instagram could not be reached to check the token; try again shortly");
            }
            throw ApiException.validation("accessToken", "Instagram did not accept this access token for account "
                    + body.igUserId());
        }
        String previous = readModels.shop(shop).map(ShopView::instagram)
                .map(ShopView.InstagramConnection::credentialRef).orElse(null);
        String credentialRef = credentials.store(shop, CredentialKind.INSTAGRAM_ACCESS_TOKEN, body.accessToken());
        commands.sendAndWait(new ConnectInstagramAccount(shop, body.igUserId(), credentialRef, user.actor()));
        if (previous != null && !previous.equals(credentialRef)) {
            credentials.delete(previous);
        }
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
        ReviewSync reviewSync = sync.getIfAvailable();
        if (reviewSync == null) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "UPSTREAM_UNAVAILABLE",
                    "This node does not run syncs; try another node");
        }
        Instant requestedAt = clock.instant();
        reviewSync.syncNow(shop);
        return ResponseEntity.accepted().body(Map.of("requestedAt", requestedAt));
    }

    private static ApiException notYetReadable() {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "UPSTREAM_UNAVAILABLE",
                "The shop is not readable yet; try again in a moment");
    }
}
