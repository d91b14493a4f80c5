package kr.salonmate.api.naver;

import java.util.List;

/**
 * What an import did: {@code imported} reviews were new, {@code updated} had a changed rating or comment (recorded
 * as an edit at the source), {@code unchanged} were already known as they are; {@code errors} are the rows left out,
 * by line.
 */
public record ImportResult(int imported, int updated, int unchanged, List<RowError> errors) {
}
