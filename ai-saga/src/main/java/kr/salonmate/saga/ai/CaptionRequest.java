package kr.salonmate.saga.ai;

import java.util.Objects;

import kr.salonmate.messages.post.PostId;
import kr.salonmate.messages.shop.ReplyTone;
import kr.salonmate.messages.shop.ShopView;

/**
 * What a caption is drafted from: the shop (name, tone, language) and what staff said about the photos.
 *
 * @param language   "ko" or "en"
 * @param brief      staff's words about the photos (untrusted text), or null
 * @param photoCount how many photos the post has (more than one: a carousel)
 */
public record CaptionRequest(PostId postId, String shopName, ReplyTone tone, String language, String brief,
                             int photoCount) {

    public CaptionRequest {
        Objects.requireNonNull(postId, "postId");
        tone = tone == null ? ReplyTone.POLITE : tone;
        language = "en".equals(language) ? "en" : "ko";
    }

    /** The shop's reply language when it chose one, else its locale. */
    public static CaptionRequest of(PostId postId, ShopView shop, String brief, int photoCount) {
        String configured = shop.replySettings() == null ? null : shop.replySettings().language();
        String language = "ko".equals(configured) || "en".equals(configured) ? configured
                : "en".equals(shop.locale()) ? "en" : "ko";
        ReplyTone tone = shop.replySettings() == null ? null : shop.replySettings().tone();
        return new CaptionRequest(postId, shop.name(), tone, language, brief, photoCount);
    }
}
