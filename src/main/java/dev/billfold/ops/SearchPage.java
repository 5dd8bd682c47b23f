package dev.billfold.ops;

import java.util.List;

/** One page of search hits; {@code hasMore} tells whether a next page exists. */
public record SearchPage(List<AccountHit> hits, int page, boolean hasMore) {

    public SearchPage {
        hits = List.copyOf(hits);
    }
}
