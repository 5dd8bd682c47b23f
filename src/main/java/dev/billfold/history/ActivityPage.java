package dev.billfold.history;

import java.util.List;

/** One page of the Activity list, newest first. */
public record ActivityPage(List<ActivityRow> rows, int page, boolean hasMore) {

    public ActivityPage {
        rows = List.copyOf(rows);
    }
}
