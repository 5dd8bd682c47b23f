package dev.billfold.payment;

import dev.billfold.account.AccountId;
import dev.billfold.base.Money;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A payment WAITING_FOR_CLARIFICATION in the staff queue.
 *
 * @param received      what arrived: the bank receipt's amount, else the payment's
 * @param invoiceNumber its invoice, if it was issued against one
 * @param bankReference the bank's reference of the receipt that holds it, if a bank receipt does
 */
public record HeldPayment(
        PaymentId paymentId,
        AccountId accountId,
        String accountNumber,
        String accountName,
        String payerName,
        MethodKind methodKind,
        Money amount,
        Money received,
        String reason,
        Instant heldSince,
        @Nullable String invoiceNumber,
        @Nullable String bankReference,
        @Nullable String debtorName,
        @Nullable String remittance) {
}
