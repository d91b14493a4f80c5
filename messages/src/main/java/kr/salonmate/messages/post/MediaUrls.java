package kr.salonmate.messages.post;

import java.util.List;

public record MediaUrls(List<String> urls) {

    public MediaUrls {
        urls = List.copyOf(urls);
    }
}
