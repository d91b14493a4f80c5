package kr.salonmate.saga.ai;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import kr.salonmate.messages.review.TokenUsage;
import kr.salonmate.messages.review.VoiceExamples;
import kr.salonmate.messages.shop.ReplySettings;
import kr.salonmate.messages.shop.ReplyTone;

/**
 * The offline drafter: honest template replies in Korean (with honorifics) and English, used when no language
 * model is configured. It thanks for 4–5 stars, thanks and takes note for 3, apologises and invites contact for
 * 1–2 — never arguing, and offering a refund or discount only when the shop allows offers. It names the reviewer
 * and picks among a few phrasings by the review id, so replies differ between reviews but a review always gets
 * the same one. Marked as such by its model name ({@value #MODEL}). With examples of the shop's own voice it keeps
 * its greeting and continues in the shop's words: the sentences after the greeting of the most similar example
 * that answered a review of the same mood in the same language.
 */
public class BuiltInReplyDrafter implements ReplyDrafter {

    public static final String MODEL = "salonmate-builtin";
    public static final String PROMPT_VERSION = "builtin-1";
    private static final String ANONYMOUS = "Google user";

    @Override
    public Draft draft(DraftRequest request) {
        ReplySettings settings = request.settings();
        ReplyTone tone = settings.tone() == null ? ReplyTone.POLITE : settings.tone();
        boolean korean = "ko".equals(request.replyLanguage());
        Mood mood = request.rating() >= 4 ? Mood.PLEASED : request.rating() == 3 ? Mood.MIXED : Mood.UNHAPPY;
        int seed = request.reviewId().value().hashCode();
        boolean brief = wantsBrief(request.instruction());

        Phrases phrases = korean ? korean(tone, mood) : english(tone, mood);
        String name = korean ? koreanAddress(request.author(), tone) : englishAddress(request.author(), tone);

        List<String> sentences = new ArrayList<>();
        sentences.add(pick(phrases.openings, seed).replace("{n}", name));
        if (!brief || mood == Mood.UNHAPPY) {
            sentences.add(pick(phrases.bodies, seed >>> 5));
        }
        if (mood == Mood.UNHAPPY && settings.allowOffers()) {
            sentences.add(korean ? koreanOffer(tone) : englishOffer(tone));
        }
        if (!brief) {
            sentences.add(pick(phrases.closings, seed >>> 11));
        }
        List<String> voice = voiceOf(request, mood, korean);
        if (!voice.isEmpty()) {
            // the shop's own words after the greeting: how it thanks, apologises and signs off
            sentences = new ArrayList<>(sentences.subList(0, 1));
            sentences.addAll(brief ? voice.subList(0, 1) : voice);
        }
        String text = String.join(" ", sentences);
        return new Draft(Signatures.append(text, settings.signature()), MODEL, PROMPT_VERSION, TokenUsage.none());
    }

    /**
     * The sentences after the greeting of the most similar example that answered a review of the same mood in the
     * same language: the shop's own voice, which a template cannot know. Empty when no example fits. The greeting
     * is left out because it names the other customer.
     */
    static List<String> voiceOf(DraftRequest request, Mood mood, boolean korean) {
        for (VoiceExamples.Example example : request.examples()) {
            Mood theirs = example.rating() >= 4 ? Mood.PLEASED : example.rating() == 3 ? Mood.MIXED : Mood.UNHAPPY;
            String reply = example.reply() == null ? "" : example.reply().strip();
            String signature = request.settings().signature();
            if (signature != null && !signature.isBlank() && reply.endsWith(signature.strip())) {
                reply = reply.substring(0, reply.length() - signature.strip().length()).strip();
            }
            if (theirs != mood || HANGUL.matcher(reply).find() != korean) {
                continue;
            }
            List<String> sentences = new ArrayList<>();
            for (String sentence : SENTENCE_END.split(reply)) {
                if (!sentence.isBlank()) {
                    sentences.add(sentence.strip());
                }
            }
            if (sentences.size() >= 2) {
                return List.copyOf(sentences.subList(1, sentences.size()));
            }
        }
        return List.of();
    }

    enum Mood { PLEASED, MIXED, UNHAPPY }

    private static final Pattern HANGUL = Pattern.compile("\\p{IsHangul}");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?。~])\\s+|\\R+");

    private record Phrases(String[] openings, String[] bodies, String[] closings) {
    }

    private static Phrases korean(ReplyTone tone, Mood mood) {
        return switch (mood) {
            case PLEASED -> switch (tone) {
                case FRIENDLY -> new Phrases(
                        a("{n}, 소중한 리뷰 정말 고마워요! 😊", "{n}, 좋게 봐주셔서 정말 기뻐요!",
                                "{n}, 따뜻한 후기 남겨주셔서 감사해요!"),
                        a("다음에도 만족하실 수 있게 더 신경 쓸게요.", "마음에 드셨다니 저희도 힘이 나요."),
                        a("또 만나요!", "다음에 또 뵐게요!"));
                case POLITE -> new Phrases(
                        a("{n}, 소중한 리뷰 남겨주셔서 감사합니다.", "{n}, 만족스러운 시간이 되셨다니 정말 기쁩니다.",
                                "{n}, 따뜻한 후기 감사드립니다."),
                        a("다음 방문 때도 만족하실 수 있도록 정성껏 모시겠습니다.", "보내주신 응원에 큰 힘을 얻습니다."),
                        a("또 뵙기를 기다리겠습니다.", "다음에도 편하게 찾아주세요."));
                case FORMAL -> new Phrases(
                        a("{n}, 귀한 시간을 내어 후기를 남겨 주셔서 진심으로 감사드립니다.",
                                "{n}, 좋은 평가를 남겨 주셔서 깊이 감사드립니다.", "{n}, 과분한 칭찬에 감사드립니다."),
                        a("앞으로도 변함없는 서비스로 보답하겠습니다.", "보내 주신 말씀을 마음에 새겨 더욱 정성을 다하겠습니다."),
                        a("다시 찾아 주시기를 기다리겠습니다.", "늘 건강하시고 좋은 일만 가득하시기 바랍니다."));
            };
            case MIXED -> switch (tone) {
                case FRIENDLY -> new Phrases(
                        a("{n}, 솔직한 리뷰 고마워요!", "{n}, 소중한 의견 남겨주셔서 감사해요."),
                        a("아쉬웠던 점은 꼭 살펴보고 더 나아지도록 할게요.", "말씀해 주신 부분 잘 기억해서 다음엔 더 만족하시게 할게요."),
                        a("다음에 또 뵐게요!", "또 들러 주세요!"));
                case POLITE -> new Phrases(
                        a("{n}, 솔직한 리뷰 남겨주셔서 감사합니다.", "{n}, 소중한 의견 감사드립니다."),
                        a("아쉬우셨던 부분은 꼼꼼히 살펴서 다음에는 더 만족하실 수 있도록 하겠습니다.",
                                "남겨주신 의견은 더 나은 서비스를 위해 꼭 참고하겠습니다."),
                        a("또 뵙기를 기다리겠습니다.", "다음 방문 때는 더 좋은 모습 보여드리겠습니다."));
                case FORMAL -> new Phrases(
                        a("{n}, 소중한 의견을 남겨 주셔서 감사드립니다.", "{n}, 솔직한 평가에 감사드립니다."),
                        a("말씀해 주신 아쉬운 점은 면밀히 검토하여 더 나은 서비스로 개선하겠습니다.",
                                "부족했던 부분은 겸허히 받아들이고 개선하도록 하겠습니다."),
                        a("다시 찾아 주시기를 기다리겠습니다.", "다음 방문 때는 더욱 만족하실 수 있도록 최선을 다하겠습니다."));
            };
            case UNHAPPY -> switch (tone) {
                case FRIENDLY -> new Phrases(
                        a("{n}, 불편을 드려서 정말 죄송해요.", "{n}, 기대에 못 미쳐서 정말 죄송해요."),
                        a("말씀해 주신 부분은 꼭 고칠게요. 자세한 이야기를 듣고 싶으니 매장으로 연락 주시면 바로 도와드릴게요.",
                                "소중한 의견 꼭 개선할게요. 매장으로 편하게 연락 주시면 직접 이야기 듣고 도와드릴게요."),
                        a("다시 한번 죄송해요.", "솔직하게 말씀해 주셔서 고마워요."));
                case POLITE -> new Phrases(
                        a("{n}, 불편을 드려 진심으로 죄송합니다.", "{n}, 기대에 미치지 못해 정말 죄송합니다."),
                        a("말씀해 주신 부분은 꼭 개선하겠습니다. 자세한 말씀을 듣고 싶으니 매장으로 연락 주시면 정성껏 도와드리겠습니다.",
                                "남겨주신 의견을 무겁게 받아들이고 개선하겠습니다. 매장으로 연락 주시면 직접 말씀 듣고 도와드리겠습니다."),
                        a("다시 한번 사과드립니다.", "귀한 의견 남겨주셔서 감사합니다."));
                case FORMAL -> new Phrases(
                        a("{n}, 불편을 끼쳐 드려 진심으로 사과드립니다.", "{n}, 만족스러운 경험을 드리지 못해 깊이 사과드립니다."),
                        a("말씀해 주신 부분은 철저히 점검하여 개선하겠습니다. 보다 자세한 말씀을 듣고 싶사오니 매장으로 연락 주시면 성심껏 도와드리겠습니다.",
                                "지적해 주신 점을 겸허히 받아들여 개선하겠습니다. 매장으로 연락 주시면 직접 말씀을 듣고 성심껏 도와드리겠습니다."),
                        a("다시 한번 깊이 사과드립니다.", "소중한 의견을 주셔서 감사드립니다."));
            };
        };
    }

    private static Phrases english(ReplyTone tone, Mood mood) {
        return switch (mood) {
            case PLEASED -> switch (tone) {
                case FRIENDLY -> new Phrases(
                        a("{n}, thank you so much for the lovely review!", "{n}, we're so happy you enjoyed your visit!",
                                "{n}, thanks a lot for the kind words!"),
                        a("It really made our day.", "We loved having you with us."),
                        a("Can't wait to see you again!", "See you next time!"));
                case POLITE -> new Phrases(
                        a("{n}, thank you for taking the time to leave a review.",
                                "{n}, we are delighted that you enjoyed your visit.", "{n}, thank you for your kind words."),
                        a("It means a lot to our team.", "We are glad everything was to your liking."),
                        a("We look forward to welcoming you back.", "We hope to see you again soon."));
                case FORMAL -> new Phrases(
                        a("{n}, we sincerely appreciate you taking the time to share your experience.",
                                "{n}, thank you very much for your generous review.", "{n}, we are grateful for your kind feedback."),
                        a("We will continue to provide the same level of care.", "Your words are a great encouragement to our staff."),
                        a("We look forward to the pleasure of serving you again.", "We would be honoured to welcome you again."));
            };
            case MIXED -> switch (tone) {
                case FRIENDLY -> new Phrases(
                        a("{n}, thanks for the honest review!", "{n}, thanks for letting us know how it went."),
                        a("We'll look into what could have been better so your next visit is even nicer.",
                                "Your feedback helps us get better, and we'll work on it."),
                        a("Hope to see you again!", "See you next time!"));
                case POLITE -> new Phrases(
                        a("{n}, thank you for your honest feedback.", "{n}, thank you for sharing your experience with us."),
                        a("We will look closely at what could have been better so that your next visit is more enjoyable.",
                                "We take your comments on board and will use them to improve."),
                        a("We hope to welcome you back soon.", "We look forward to seeing you again."));
                case FORMAL -> new Phrases(
                        a("{n}, we appreciate your candid feedback.", "{n}, thank you for taking the time to share your experience."),
                        a("We will carefully review the points you raised and improve our service accordingly.",
                                "Your comments have been noted and will help us improve."),
                        a("We hope to have the opportunity to serve you better in the future.",
                                "We look forward to welcoming you again."));
            };
            case UNHAPPY -> switch (tone) {
                case FRIENDLY -> new Phrases(
                        a("{n}, we're really sorry your visit wasn't what you hoped for.", "{n}, we're so sorry for the trouble."),
                        a("We'll work on what you pointed out. Please get in touch with us directly so we can hear more and help.",
                                "Thanks for telling us, and we'll fix it. Please reach out to the salon directly so we can talk it through."),
                        a("Sorry again.", "Thank you for being honest with us."));
                case POLITE -> new Phrases(
                        a("{n}, we sincerely apologise for your experience.", "{n}, we are very sorry that your visit fell short of your expectations."),
                        a("We take your feedback seriously and will work to improve. Please contact the salon directly so we can hear more and help.",
                                "Thank you for letting us know; we will address it. We would appreciate it if you contacted the salon directly so we can help."),
                        a("Once again, please accept our apologies.", "Thank you for sharing your feedback."));
                case FORMAL -> new Phrases(
                        a("{n}, please accept our sincere apologies for the inconvenience you experienced.",
                                "{n}, we deeply regret that we did not meet your expectations."),
                        a("We will review the matter thoroughly and take steps to improve. We would be grateful if you contacted the salon directly so that we may assist you.",
                                "Your feedback has been taken seriously and will be addressed. Please contact the salon directly so that we may hear more and assist you."),
                        a("Once again, we sincerely apologise.", "Thank you for bringing this to our attention."));
            };
        };
    }

    private static String koreanOffer(ReplyTone tone) {
        return switch (tone) {
            case FRIENDLY -> "환불이나 다음 방문 할인 같은 보상도 함께 안내해 드릴게요.";
            case POLITE -> "환불이나 다음 방문 시 할인 등 보상 방법도 함께 안내해 드리겠습니다.";
            case FORMAL -> "환불 또는 다음 방문 시 할인 등 보상 방안도 함께 안내해 드리겠습니다.";
        };
    }

    private static String englishOffer(ReplyTone tone) {
        return switch (tone) {
            case FRIENDLY -> "We'd also be happy to talk about a refund or a discount on your next visit.";
            case POLITE -> "We would also be glad to discuss a refund or a discount on your next visit.";
            case FORMAL -> "We would also be pleased to arrange a refund or a discount on your next visit.";
        };
    }

    private static String koreanAddress(String author, ReplyTone tone) {
        if (anonymous(author)) {
            return "고객님";
        }
        String name = author.strip();
        if (name.endsWith("님")) {
            return name;
        }
        return tone == ReplyTone.FORMAL ? name + " 고객님" : name + "님";
    }

    private static String englishAddress(String author, ReplyTone tone) {
        boolean casual = tone == ReplyTone.FRIENDLY;
        if (anonymous(author)) {
            return casual ? "Hi there" : "Dear guest";
        }
        return (casual ? "Hi " : "Dear ") + author.strip();
    }

    private static boolean anonymous(String author) {
        return author == null || author.isBlank() || ANONYMOUS.equalsIgnoreCase(author.strip())
                || "A Google User".equalsIgnoreCase(author.strip());
    }

    private static boolean wantsBrief(String instruction) {
        if (instruction == null) {
            return false;
        }
        String i = instruction.toLowerCase(Locale.ROOT);
        return i.contains("short") || i.contains("brief") || i.contains("짧") || i.contains("간단");
    }

    private static String pick(String[] options, int seed) {
        return options[Math.floorMod(seed, options.length)];
    }

    private static String[] a(String... values) {
        return values;
    }
}
