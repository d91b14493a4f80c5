package kr.salonmate.api.naver;

import java.time.Instant;

/** One good row of a Naver export; {@code line} is where it starts in the file (the header is line 1). */
record NaverRow(long line, String reviewId, String author, int rating, String comment, Instant createdAt) {
}
