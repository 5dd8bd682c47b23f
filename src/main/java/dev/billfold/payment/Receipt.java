package dev.billfold.payment;

import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What a receipt states about a payment money was received for.
 *
 * @param number     derived from the payment id, so the same payment always has the same receipt number
 * @param creditedAt when the money was credited to the balance (its ledger entry)
 * @param refundedAt when it was returned to the payer, for a refunded payment
 * @param seller     who received the money
 */
record Receipt(String number, PaymentDetails payment, Instant creditedAt, @Nullable Instant refundedAt,
               SellerProperties seller) {

    /** "RCT-" and the first 12 hex digits of the payment id: stable, and support finds the payment by its prefix. */
    static String numberFor(PaymentId id) {
        String hex = id.value().toString().replace("-", "").toUpperCase(Locale.ROOT);
        return "RCT-" + hex.substring(0, 8) + "-" + hex.substring(8, 12);
    }
}
