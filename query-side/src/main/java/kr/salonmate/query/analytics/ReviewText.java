package kr.salonmate.query.analytics;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.ko.KoreanTokenizer;
import org.apache.lucene.analysis.ko.POS;
import org.apache.lucene.analysis.ko.dict.UserDictionary;
import org.apache.lucene.analysis.ko.tokenattributes.PartOfSpeechAttribute;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * What a review's text says, for analytics: its keywords and its sentiment (docs/analytics.md explains both).
 *
 * <p>Korean text (any Hangul in it) goes through Lucene's Nori morphological analyzer with a small salon
 * vocabulary as user dictionary: keywords are its nouns (NNG, NNP) and Latin-script words, minus stop words;
 * particles and endings are gone by construction. Other text goes through Lucene's StandardAnalyzer: keywords are
 * its words minus English stop words. Keywords are distinct per review.
 *
 * <p>Sentiment starts from the rating (rating − 3, so −2..+2) and adds a lexicon score (positive minus negative
 * words, a negator such as 안/못/않/not/never flipping the word it applies to), capped at ±2: above 0 is positive,
 * below 0 negative, 0 neutral. Thread-safe: Lucene analyzers keep their per-thread state themselves.
 */
final class ReviewText {

    record Analysis(Sentiment sentiment, List<String> keywords) {
    }

    private static final Set<String> KOREAN_NOUNS = Set.of("NNG", "NNP");
    private static final CharArraySet ENGLISH_STOP = stopWords();
    private static final Set<String> KOREAN_STOP = Set.of(
            "것", "수", "등", "때", "곳", "번", "분", "점", "거", "데", "좀", "예", "이번", "다음", "오늘", "어제",
            "정도", "처음", "진짜", "정말", "때문", "생각", "느낌", "하나", "부분", "이용", "방문", "후기", "리뷰",
            "시간", "자리", "저", "제", "나", "우리", "이", "그", "저희", "정말로", "항상", "매번", "다시", "뭔가");
    private static final Map<String, Integer> KOREAN_POLARITY = Map.ofEntries(
            Map.entry("좋", 1), Map.entry("최고", 1), Map.entry("친절", 1), Map.entry("만족", 1), Map.entry("추천", 1),
            Map.entry("감사", 1), Map.entry("예쁘", 1), Map.entry("이쁘", 1), Map.entry("깔끔", 1),
            Map.entry("깨끗", 1), Map.entry("편하", 1), Map.entry("편안", 1), Map.entry("꼼꼼", 1),
            Map.entry("섬세", 1), Map.entry("훌륭", 1), Map.entry("완벽", 1), Map.entry("대박", 1),
            Map.entry("재방문", 1), Map.entry("단골", 1), Map.entry("행복", 1),
            Map.entry("불친절", -1), Map.entry("별로", -1), Map.entry("실망", -1), Map.entry("최악", -1),
            Map.entry("불만", -1), Map.entry("불편", -1), Map.entry("비싸", -1), Map.entry("아쉽", -1),
            Map.entry("더럽", -1), Map.entry("불쾌", -1), Map.entry("짜증", -1), Map.entry("환불", -1),
            Map.entry("엉망", -1), Map.entry("망치", -1), Map.entry("무례", -1), Map.entry("비추", -1),
            Map.entry("후회", -1), Map.entry("상하", -1), Map.entry("늦", -1), Map.entry("기다리", -1));
    private static final Map<String, Integer> ENGLISH_POLARITY = Map.ofEntries(
            Map.entry("great", 1), Map.entry("love", 1), Map.entry("loved", 1), Map.entry("lovely", 1),
            Map.entry("amazing", 1), Map.entry("awesome", 1), Map.entry("excellent", 1), Map.entry("friendly", 1),
            Map.entry("best", 1), Map.entry("recommend", 1), Map.entry("recommended", 1), Map.entry("perfect", 1),
            Map.entry("happy", 1), Map.entry("beautiful", 1), Map.entry("nice", 1), Map.entry("good", 1),
            Map.entry("wonderful", 1), Map.entry("fantastic", 1), Map.entry("clean", 1),
            Map.entry("professional", 1), Map.entry("kind", 1), Map.entry("thanks", 1), Map.entry("thank", 1),
            Map.entry("bad", -1), Map.entry("rude", -1), Map.entry("terrible", -1), Map.entry("awful", -1),
            Map.entry("worst", -1), Map.entry("disappointed", -1), Map.entry("disappointing", -1),
            Map.entry("dirty", -1), Map.entry("expensive", -1), Map.entry("overpriced", -1), Map.entry("late", -1),
            Map.entry("waited", -1), Map.entry("poor", -1), Map.entry("horrible", -1), Map.entry("unfriendly", -1),
            Map.entry("unprofessional", -1), Map.entry("refund", -1), Map.entry("ruined", -1),
            Map.entry("damaged", -1), Map.entry("slow", -1), Map.entry("angry", -1));
    private static final Set<String> NEGATORS_BEFORE = Set.of("안", "못", "not", "never", "no", "don't", "didn't",
            "wasn't", "isn't", "won't", "nothing");
    private static final Set<String> NEGATORS_AFTER = Set.of("않", "못하");
    private static final int MAX_LEXICON_SCORE = 2;
    private static final int MAX_TEXT = 8_192;

    private static final Analyzer KOREAN = new Analyzer() {
        private final UserDictionary salonWords = userDictionary();

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            KoreanTokenizer tokenizer = new KoreanTokenizer(TokenStream.DEFAULT_TOKEN_ATTRIBUTE_FACTORY, salonWords,
                    KoreanTokenizer.DecompoundMode.DISCARD, false, true);
            return new TokenStreamComponents(tokenizer, new LowerCaseFilter(tokenizer));
        }
    };
    private static final Analyzer ENGLISH = new StandardAnalyzer(CharArraySet.EMPTY_SET);

    private ReviewText() {
    }

    static Analysis analyse(int rating, String comment) {
        if (comment == null || comment.isBlank()) {
            return new Analysis(sentiment(rating, 0), List.of());
        }
        String text = comment.length() > MAX_TEXT ? comment.substring(0, MAX_TEXT) : comment;
        return hasHangul(text) ? korean(rating, text) : english(rating, text);
    }

    private static Analysis korean(int rating, String text) {
        Set<String> keywords = new LinkedHashSet<>();
        Polarity polarity = new Polarity();
        try (TokenStream tokens = KOREAN.tokenStream("comment", text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            PartOfSpeechAttribute pos = tokens.addAttribute(PartOfSpeechAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                String word = term.toString();
                POS.Tag tag = pos.getLeftPOS();
                String tagName = tag == null ? "" : tag.name();
                if (KOREAN_NOUNS.contains(tagName) && !KOREAN_STOP.contains(word)) {
                    keywords.add(word);
                } else if ("SL".equals(tagName) && isEnglishKeyword(word)) {
                    keywords.add(word);
                }
                polarity.next(word, KOREAN_POLARITY.getOrDefault(word, ENGLISH_POLARITY.getOrDefault(word, 0)));
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Analysis(sentiment(rating, polarity.score()), List.copyOf(keywords));
    }

    private static Analysis english(int rating, String text) {
        Set<String> keywords = new LinkedHashSet<>();
        Polarity polarity = new Polarity();
        try (TokenStream tokens = ENGLISH.tokenStream("comment", text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                String word = term.toString();
                if (isEnglishKeyword(word)) {
                    keywords.add(word);
                }
                polarity.next(word, ENGLISH_POLARITY.getOrDefault(word, 0));
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Analysis(sentiment(rating, polarity.score()), List.copyOf(keywords));
    }

    private static boolean isEnglishKeyword(String word) {
        if (word.length() < 2 || ENGLISH_STOP.contains(word)) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (Character.isLetter(word.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    static Sentiment sentiment(int rating, int lexicon) {
        int capped = Math.max(-MAX_LEXICON_SCORE, Math.min(MAX_LEXICON_SCORE, lexicon));
        int score = (rating - 3) + capped;
        return score > 0 ? Sentiment.POSITIVE : score < 0 ? Sentiment.NEGATIVE : Sentiment.NEUTRAL;
    }

    private static boolean hasHangul(String text) {
        for (int i = 0; i < text.length(); i++) {
            Character.UnicodeBlock block = Character.UnicodeBlock.of(text.charAt(i));
            if (block == Character.UnicodeBlock.HANGUL_SYLLABLES || block == Character.UnicodeBlock.HANGUL_JAMO
                    || block == Character.UnicodeBlock.HANGUL_COMPATIBILITY_JAMO) {
                return true;
            }
        }
        return false;
    }

    /** Sums word polarities; a negator flips the next polar word (안 좋아요) or the one just before (좋지 않아요). */
    private static final class Polarity {
        private int score;
        private int lastPolarity;
        private int sinceLastPolar = Integer.MAX_VALUE;
        private boolean negateNext;

        void next(String word, int polarity) {
            sinceLastPolar = sinceLastPolar == Integer.MAX_VALUE ? sinceLastPolar : sinceLastPolar + 1;
            if (NEGATORS_AFTER.contains(word) && sinceLastPolar <= 3) {
                score -= 2 * lastPolarity; // undo it and count the opposite
                lastPolarity = -lastPolarity;
                sinceLastPolar = Integer.MAX_VALUE;
                return;
            }
            if (NEGATORS_BEFORE.contains(word)) {
                negateNext = true;
                return;
            }
            if (polarity != 0) {
                int counted = negateNext ? -polarity : polarity;
                score += counted;
                lastPolarity = counted;
                sinceLastPolar = 0;
                negateNext = false;
            }
        }

        int score() {
            return score;
        }
    }

    private static CharArraySet stopWords() {
        CharArraySet stop = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, false);
        stop.addAll(List.of("i", "me", "my", "we", "our", "you", "your", "he", "she", "her", "his", "they", "them",
                "very", "really", "so", "too", "just", "also", "got", "get", "had", "have", "has", "been", "am",
                "did", "do", "does", "would", "could", "can", "will", "from", "about", "here", "there", "all",
                "again", "time", "place", "went", "go", "one", "much", "more", "what", "which", "who", "when",
                "s", "t", "don't", "didn't", "i'm", "it's", "wasn't", "isn't", "won't"));
        return CharArraySet.unmodifiableSet(stop);
    }

    /** Salon words Nori's dictionary splits or misreads (네일아트 → 네/일/아트, 불친절 → 불/친절). */
    private static UserDictionary userDictionary() {
        try (InputStream in = ReviewText.class.getResourceAsStream("salon-words.txt")) {
            if (in == null) {
                throw new IllegalStateException("salon-words.txt is missing from the classpath");
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                return UserDictionary.open(reader);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** For tests and docs: the words of a Korean text with their part-of-speech tags. */
    static List<String> tagged(String text) {
        List<String> result = new ArrayList<>();
        try (TokenStream tokens = KOREAN.tokenStream("comment", text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            PartOfSpeechAttribute pos = tokens.addAttribute(PartOfSpeechAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                result.add(term + "/" + (pos.getLeftPOS() == null ? "?" : pos.getLeftPOS().name().toUpperCase(Locale.ROOT)));
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return result;
    }
}
