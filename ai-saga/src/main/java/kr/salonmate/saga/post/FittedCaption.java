package kr.salonmate.saga.post;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import kr.salonmate.messages.post.Captions;

/**
 * A model's caption made to fit Instagram's rules before it is offered to the post: hashtags normalized, invalid
 * ones and duplicates dropped, at most {@value #MAX_DRAFT_TAGS}; the caption shortened (at a word) so that with its
 * hashtags it stays within {@value Captions#MAX_LENGTH} characters and {@value Captions#MAX_HASHTAGS} hashtags.
 */
record FittedCaption(String caption, List<String> hashtags) {

    static final int MAX_DRAFT_TAGS = 15;

    static FittedCaption of(String caption, List<String> hashtags) {
        List<String> tags = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String raw : hashtags == null ? List.<String>of() : hashtags) {
            String tag = Captions.normalizeTag(raw);
            if (Captions.isValidTag(tag) && seen.add(Captions.tagKey(tag)) && tags.size() < MAX_DRAFT_TAGS) {
                tags.add(tag);
            }
        }
        String text = caption == null ? "" : caption.strip();
        while (!tags.isEmpty() && Captions.countHashtags(text, tags) > Captions.MAX_HASHTAGS) {
            tags.remove(tags.size() - 1);
        }
        int budget = Captions.MAX_LENGTH - Captions.length(Captions.compose("x", tags)) + 1;
        if (Captions.length(text) > budget) {
            int end = text.offsetByCodePoints(0, Math.max(0, budget - 1));
            int space = text.lastIndexOf(' ', end);
            text = (space > end / 2 ? text.substring(0, space) : text.substring(0, end)).strip() + "…";
        }
        return new FittedCaption(text, List.copyOf(tags));
    }
}
