package dev.billfold.payment;

import dev.billfold.payment.SellerProperties.BankAccount;
import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A bank-transfer invoice for one payment. The payer's details are copied when it is issued: an invoice must not
 * change when the payer edits their address later. The account number is the account's own, which never changes
 * (DD-059), so it is read with the invoice rather than copied. So are the seller, its tax and the bank account for the
 * invoice's currency (DD-094), the buyer's country and the language of the total in words (DD-097).
 *
 * @param seller        the seller as issued, with only the account receiving the invoice's currency; null on an
 *                      invoice issued before the copy (V41), which prints the configured seller as it did then
 * @param buyerCountry  ISO 3166 alpha-2: the payer's country, else the account's; null when neither had one
 * @param wordsLanguage the language of the total in words besides English ({@code en}: English only)
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
        Instant dueAt,
        @Nullable SellerProperties seller,
        @Nullable String buyerCountry,
        String wordsLanguage) {

    /** The seller as issued; for an invoice issued before the copy, the configured one. The logo is the configured. */
    public SellerProperties sellerAsIssued(SellerProperties configured) {
        return seller == null ? configured : seller.withLogo(configured.logo());
    }

    /** The account copied at issue; null when the currency had none then, or the invoice predates the copy. */
    public @Nullable BankAccount issuedAccount() {
        return seller == null || seller.bankAccounts().isEmpty() ? null : seller.bankAccounts().getFirst();
    }

    /** Who the transfer goes to: the account's holder, or the free-text recipient when there is no account. */
    public String payTo(@Nullable BankAccount account) {
        return account == null ? recipientName : account.holder();
    }

    /** The account's fields one per line, or the free-text bank details when there is no account. */
    public String bankDetails(@Nullable BankAccount account) {
        return account == null ? recipientBankDetails : String.join("\n", account.lines());
    }

    /** "Kazakhstan (KZ)", or null when the invoice has no buyer country. */
    public @Nullable String buyerCountryName() {
        return buyerCountry == null ? null
                : Locale.of("", buyerCountry).getDisplayCountry(Locale.ENGLISH) + " (" + buyerCountry + ")";
    }
}
