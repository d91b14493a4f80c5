package kr.salonmate.api.shop;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import kr.salonmate.messages.shop.ReplyTone;

/** Request bodies of the shop endpoints. */
public final class ShopRequests {

    private ShopRequests() {
    }

    public record CreateShop(@NotBlank @Size(max = 100) String name, @Size(max = 64) String timezone,
                             @Pattern(regexp = "ko|en", message = "must be ko or en") String locale) {
    }

    public record ReplySettingsBody(@NotNull ReplyTone tone,
                                    @NotNull @Pattern(regexp = "AUTO|ko|en", message = "must be AUTO, ko or en")
                                    String language,
                                    @Size(max = 200) String signature,
                                    @NotNull Boolean autoDraft,
                                    @Min(1) @Max(5) Integer autoPublishMinRating,
                                    Boolean allowOffers) {
    }

    public record GoogleConnectionBody(
            @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_-]+", message = "must be the bare account id")
            String accountId,
            @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_-]+", message = "must be the bare location id")
            String locationId,
            @NotBlank @Size(max = 2048) String refreshToken) {

        @Override
        public String toString() {
            // never let the token reach a log line
            return "GoogleConnectionBody[accountId=" + accountId + ", locationId=" + locationId + "]";
        }
    }

    public record InstagramConnectionBody(
            @NotBlank @Size(max = 32) @Pattern(regexp = "[0-9]+", message = "must be the numeric Instagram user id")
            String igUserId,
            @NotBlank @Size(max = 2048) String accessToken) {

        @Override
        public String toString() {
            // never let the token reach a log line
            return "InstagramConnectionBody[igUserId=" + igUserId + "]";
        }
    }
}
