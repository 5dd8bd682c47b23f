package dev.billfold.payment;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Payments newest first; {@code next} is the cursor of the page after, or null at the end. */
public record PaymentLinePage(List<PaymentLine> items, @Nullable String next) {
}
