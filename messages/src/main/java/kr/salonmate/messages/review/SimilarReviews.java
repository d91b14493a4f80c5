package kr.salonmate.messages.review;

import java.util.List;

/** Reviews similar to one, best first; {@code score} is their text's cosine similarity, 0–1. */
public record SimilarReviews(List<Item> items) {

    public record Item(ReviewView review, double score) {
    }
}
