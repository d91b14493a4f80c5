package kr.salonmate.messages.common;

import java.util.List;

/** One page of a list query, shaped as the API's list envelope. */
public record PageResult<T>(List<T> items, int page, int size, long total) {

    public PageResult {
        items = List.copyOf(items);
    }
}
