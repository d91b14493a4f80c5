package kr.salonmate.saga.ai;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import kr.salonmate.messages.post.Captions;
import kr.salonmate.messages.review.TokenUsage;
import kr.salonmate.messages.shop.ReplyTone;

/**
 * The offline caption writer, used when no language model is configured: an honest template caption in Korean or
 * English in the shop's tone, built around the staff's brief, with hashtags from the brief's words, the shop's
 * name and a few general salon tags (5 to 15 in all). Marked as such by its model name ({@value #MODEL}).
 */
public class BuiltInCaptionDrafter implements CaptionDrafter {

    public static final String MODEL = "salonmate-builtin";
    public static final String PROMPT_VERSION = "builtin-caption-1";
    static final int MIN_TAGS = 5;
    static final int MAX_TAGS = 15;
    private static final List<String> KOREAN_TAGS = List.of("헤어살롱", "미용실", "헤어스타일", "뷰티", "살롱",
            "오늘의스타일", "헤어스타그램", "데일리");
    private static final List<String> ENGLISH_TAGS = List.of("salon", "hairsalon", "hairstyle", "beauty",
            "salonlife", "newlook", "hairinspo", "selfcare");

    @Override
    public CaptionDraft draft(CaptionRequest request) {
        boolean korean = "ko".equals(request.language());
        String brief = request.brief() == null ? null : request.brief().replaceAll("\\s+", " ").strip();
        String caption = korean ? korean(request.tone(), brief, request.shopName(), request.photoCount())
                : english(request.tone(), brief, request.shopName(), request.photoCount());
        return new CaptionDraft(caption, hashtags(brief, request.shopName(), korean), MODEL, PROMPT_VERSION,
                TokenUsage.none());
    }

    private static String korean(ReplyTone tone, String brief, String shop, int photos) {
        String subject = brief == null || brief.isEmpty() ? "새로운 스타일" : brief;
        String more = photos > 1 ? " 사진 " + photos + "장으로 담아봤어요." : "";
        String at = shop == null || shop.isBlank() ? "" : shop.strip() + "에서 ";
        return switch (tone) {
            case FRIENDLY -> at + "준비한 " + subject + " ✨" + more + " 마음에 드시면 언제든 놀러 오세요! 😊";
            case POLITE -> at + "준비한 " + subject + "을(를) 소개합니다." + more + " 예약 문의는 언제든 편하게 해주세요.";
            case FORMAL -> at + "선보이는 " + subject + "을(를) 소개해 드립니다." + (photos > 1 ? " 사진 " + photos
                    + "장으로 담았습니다." : "") + " 방문과 예약 문의를 기다리겠습니다.";
        };
    }

    private static String english(ReplyTone tone, String brief, String shop, int photos) {
        String subject = brief == null || brief.isEmpty() ? "a fresh new look" : brief;
        String more = photos > 1 ? " Swipe through all " + photos + " photos." : "";
        String at = shop == null || shop.isBlank() ? "" : " at " + shop.strip();
        return switch (tone) {
            case FRIENDLY -> "New this week" + at + ": " + subject + " ✨" + more + " Come say hi — we'd love to see you!";
            case POLITE -> "We're happy to share " + subject + at + "." + more + " Bookings are open anytime.";
            case FORMAL -> "We are pleased to present " + subject + at + "." + more
                    + " We look forward to welcoming you.";
        };
    }

    /** Words of the brief and the shop's name as tags first, then general ones, 5 to 15 in all. */
    static List<String> hashtags(String brief, String shopName, boolean korean) {
        Map<String, String> tags = new LinkedHashMap<>();
        if (shopName != null) {
            add(tags, shopName.replaceAll("[^\\p{L}\\p{M}\\p{N}_]", ""));
        }
        if (brief != null) {
            for (String word : brief.split("[^\\p{L}\\p{M}\\p{N}_]+")) {
                if (word.codePointCount(0, word.length()) >= 2 && tags.size() < MAX_TAGS - MIN_TAGS) {
                    add(tags, word);
                }
            }
        }
        for (String general : korean ? KOREAN_TAGS : ENGLISH_TAGS) {
            if (tags.size() >= MIN_TAGS + 3) {
                break;
            }
            add(tags, general);
        }
        List<String> result = new ArrayList<>(tags.values());
        return result.subList(0, Math.min(result.size(), MAX_TAGS));
    }

    private static void add(Map<String, String> tags, String tag) {
        String t = Captions.normalizeTag(tag);
        if (Captions.isValidTag(t) && t.codePointCount(0, t.length()) <= 30) {
            tags.putIfAbsent(t.toLowerCase(Locale.ROOT), t);
        }
    }
}
