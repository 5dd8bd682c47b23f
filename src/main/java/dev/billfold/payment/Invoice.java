package dev.billfold.payment;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A bank-transfer invoice for one payment. The payer's details are copied when it is issued: an invoice must not
 * change when the payer edits their address later. The account number is the account's own, which never changes
 * (DD-059), so it is read with the invoice rather than copied.
 */
public record Invoice(
        PaymentId paymentId,
        String number,
        String accountNumber,
        String recipientName,
        String recipientBankDetails,
        String payerName,
        @Nullable String payerTaxId,
        String payerAddress,
        String purpose,
        Instant issuedAt,
        Instant dueAt) {
}
