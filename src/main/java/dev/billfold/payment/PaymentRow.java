package dev.billfold.payment;

import dev.billfold.base.Money;
import dev.billfold.base.Texts;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One line of the payment history grid.
 *
 * @param methodLabel the method as data names it ("Visa •••• 4242, 12/30"), or in English where Billfold names it
 * @param methodText  the method in Billfold's words ("Invoice BF-…", "Bank transfer") as a key the page reads in its
 *                    language; null where the label is data
 * @param note what the status alone does not say: "Refunded $30.00 of $100.00", "Disputed: needs response"
 *             (DD-070), as a key and its arguments the page reads in its language; null when there is nothing to add
 */
public record PaymentRow(PaymentId id, Instant createdAt, String payerName, Money amount, PaymentStatus status,
                         String methodLabel, Texts.@Nullable Message methodText, Texts.@Nullable Message note) {

    /** The note in English (the logs, the tests that match on it); null when there is none. */
    public @Nullable String statusNote() {
        return note == null ? null : Texts.shipped().text("en", note.key(), note.params());
    }
}
