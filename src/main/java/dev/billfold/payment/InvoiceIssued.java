package dev.billfold.payment;

import dev.billfold.account.AccountId;

/**
 * A bank-transfer invoice was issued. Published inside the transaction that writes it, so that a listener can record
 * what the invoice causes (its mail, DD-066) in the same transaction.
 */
public record InvoiceIssued(PaymentId paymentId, AccountId accountId, String invoiceNumber) {
}
