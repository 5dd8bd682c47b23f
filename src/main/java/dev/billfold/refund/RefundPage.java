package dev.billfold.refund;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Refunds newest first; {@code next} is the cursor of the page after, or null at the end. */
public record RefundPage(List<RefundQueueRow> items, @Nullable String next) {

    public RefundPage {
        items = List.copyOf(items);
    }
}
