package kr.salonmate.api.privacy;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.UUID;
import kr.salonmate.api.account.Role;
import kr.salonmate.api.error.ApiException;
import kr.salonmate.api.readmodel.ReadModels;
import kr.salonmate.api.security.CurrentUser;
import kr.salonmate.api.security.ShopAccess;
import kr.salonmate.messages.review.ReviewId;
import kr.salonmate.messages.review.ReviewView;
import kr.salonmate.messages.shop.ShopId;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Erasure requests (API.md "Privacy"): a reviewer's, asked for by the shop's OWNER, and a user's own. */
@RestController
@Validated
public class PrivacyController {

    private final PersonalDataErasure erasure;
    private final ShopAccess access;
    private final ReadModels readModels;

    public PrivacyController(PersonalDataErasure erasure, ShopAccess access, ReadModels readModels) {
        this.erasure = erasure;
        this.access = access;
        this.readModels = readModels;
    }

    public record DeleteAccountRequest(@Size(max = 128) String password) {
    }

    @DeleteMapping("/v1/shops/{shopId}/reviews/{reviewId}/personal-data")
    @Operation(tags = "Reviews", summary = "Erase the reviewer's name and text everywhere (OWNER)",
            description = "Their key is destroyed: every event, read model, search, export and replay shows "
                    + "author \"(erased)\" and comment \"\" from now on. Rating, status, history and the shop's "
                    + "replies stay; the history gains an ERASED entry. Erasing again changes nothing (204)")
    public ResponseEntity<Void> eraseReview(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID shopId,
                                            @PathVariable UUID reviewId) {
        CurrentUser user = CurrentUser.of(jwt);
        ShopId shop = access.require(user, shopId, Role.OWNER);
        ReviewView review = readModels.review(shop, new ReviewId(reviewId)).orElseThrow(() -> ApiException.notFound(
                "REVIEW_NOT_FOUND", "There is no such review in this shop", Map.of("reviewId", reviewId)));
        erasure.eraseReview(review.id(), user);
        readModels.reviewAfterCommand(shop, review.id()); // the inbox shows the erasure when this answers
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/v1/me")
    @Operation(tags = "Auth", summary = "Delete the signed-in account and erase its personal data",
            description = "Needs the account's password. The caller leaves every shop and their name reads "
                    + "\"(deleted user)\" in every history from now on; their refresh tokens stop working. "
                    + "409 LAST_OWNER while they are the only OWNER of a shop that has other members")
    public ResponseEntity<Void> deleteMe(@AuthenticationPrincipal Jwt jwt,
                                         @Valid @RequestBody(required = false) DeleteAccountRequest body,
                                         HttpServletRequest request) {
        if (body == null && request.getContentType() != null && !isJson(request.getContentType())) {
            // Spring hands an optional DELETE body of another type over as "no body": say what is wrong instead
            throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE",
                    "The body must be application/json");
        }
        erasure.deleteAccount(CurrentUser.of(jwt), body == null ? null : body.password());
        return ResponseEntity.noContent().build();
    }

    private static boolean isJson(String contentType) {
        try {
            return MediaType.APPLICATION_JSON.isCompatibleWith(MediaType.parseMediaType(contentType));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}
