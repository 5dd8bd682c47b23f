package dev.billfold.payment;

import dev.billfold.account.AccountId;
import dev.billfold.account.PayerId;
import dev.billfold.account.PayerType;
import dev.billfold.base.Money;
import org.jspecify.annotations.Nullable;

/**
 * A bank-transfer invoice as statement matching needs it: whose it is, what it asks for and where its payment stands.
 * The payer's name and tax id are the invoice's copy (what the customer was told to pay as); the kind is the payer's.
 */
public record BankInvoice(
        String invoiceNumber,
        PaymentId paymentId,
        AccountId accountId,
        String accountNumber,
        String accountName,
        PayerId payerId,
        String payerName,
        @Nullable String payerTaxId,
        PayerType payerKind,
        Money amount,
        PaymentStatus status) {
}
