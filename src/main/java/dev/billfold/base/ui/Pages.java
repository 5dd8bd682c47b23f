package dev.billfold.base.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Stream;

/**
 * A lazy grid over a service that answers in fixed pages ("page n, and is there more"): the grid asks for any offset
 * and limit, this fetches just the pages that range touches. An empty or short page ends the list, so the grid needs
 * no count query.
 */
public final class Pages {

    private Pages() {
    }

    public static <T> Stream<T> slice(int offset, int limit, int pageSize, IntFunction<List<T>> page) {
        if (limit <= 0) {
            return Stream.empty();
        }
        List<T> rows = new ArrayList<>();
        int first = offset / pageSize;
        // A query "from here to the end" (limit Integer.MAX_VALUE) must not overflow.
        long last = ((long) offset + limit - 1) / pageSize;
        for (int p = first; p <= last; p++) {
            List<T> fetched = page.apply(p);
            int from = p == first ? offset - p * pageSize : 0;
            if (from < fetched.size()) {
                rows.addAll(fetched.subList(from, Math.min(fetched.size(), from + limit - rows.size())));
            }
            if (fetched.size() < pageSize || rows.size() >= limit) {
                break;
            }
        }
        return rows.stream();
    }
}
