package dev.billfold.payment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The provider's own details printed on bank-transfer invoices.
 *
 * @param recipientName        the legal name that receives the transfer
 * @param recipientBankDetails bank, account and routing details, one per line
 * @param paymentTermsDays     days until an invoice is due
 */
@ConfigurationProperties("billfold.invoice")
public record InvoiceProperties(String recipientName, String recipientBankDetails,
                                @DefaultValue("10") int paymentTermsDays) {
}
