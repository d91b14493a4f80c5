package kr.salonmate.api.naver;

/** A row that was not imported, and why; {@code line} is where the row starts in the file (the header is line 1). */
public record RowError(long line, String message) {
}
