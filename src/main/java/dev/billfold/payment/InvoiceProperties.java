package dev.billfold.payment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The provider's own details printed on bank-transfer invoices. Each invoice keeps a copy, so a text longer than
 * its column would fail every invoice top-up; it stops the start instead.
 *
 * @param recipientName        the legal name that receives the transfer
 * @param recipientBankDetails bank, account and routing details, one per line
 * @param paymentTermsDays     days until an invoice is due
 */
@ConfigurationProperties("billfold.invoice")
public record InvoiceProperties(String recipientName, String recipientBankDetails,
                                @DefaultValue("10") int paymentTermsDays) {

    /** {@code invoice.recipient_name} */
    public static final int RECIPIENT_NAME_MAX = 200;
    /** {@code invoice.recipient_bank_details} */
    public static final int RECIPIENT_BANK_DETAILS_MAX = 1000;

    public InvoiceProperties {
        requireAtMost("recipient-name", recipientName, RECIPIENT_NAME_MAX);
        requireAtMost("recipient-bank-details", recipientBankDetails, RECIPIENT_BANK_DETAILS_MAX);
    }

    private static void requireAtMost(String key, String value, int max) {
        if (value.length() > max) {
            throw new IllegalArgumentException("billfold.invoice.%s has %d characters; an invoice holds at most %d"
                    .formatted(key, value.length(), max));
        }
    }
}
