package dev.billfold.payment;

import dev.billfold.base.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The tax on a prepayment invoice (DD-094). The top-up amount is what the customer pays, so it is the gross: the net
 * and the tax are taken out of it at the seller's rate, rounded to the currency's minor units, and add up to it.
 *
 * @param rate    the rate printed, in percent; zero under reverse charge or when the seller charges no tax
 * @param wording what the document must say about the tax, or none
 */
record InvoiceTax(BigDecimal rate, Money net, Money tax, Money gross, @Nullable String wording) {

    /** Member states by the prefix of their VAT ids (Greece uses EL). */
    static final Set<String> EU_VAT_PREFIXES = Set.of("AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "EL", "ES",
            "FI", "FR", "HR", "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK");

    static final String REVERSE_CHARGE = "Reverse charge: VAT to be accounted for by the recipient "
            + "(Article 196, Council Directive 2006/112/EC).";
    static final String NO_TAX = "No tax is charged on this invoice.";
    static final String PREPAYMENT = "Prepayment: the amount is credited to the account's balance and used for "
            + "hosting services as they are rendered.";

    static InvoiceTax of(SellerProperties seller, @Nullable String buyerTaxId, Money gross) {
        if (!seller.chargesTax()) {
            return new InvoiceTax(BigDecimal.ZERO, gross, Money.zero(gross.currency()), gross, NO_TAX);
        }
        if (isReverseCharge(seller, buyerTaxId)) {
            return new InvoiceTax(BigDecimal.ZERO, gross, Money.zero(gross.currency()), gross, REVERSE_CHARGE);
        }
        BigDecimal rate = BigDecimal.valueOf(seller.taxRate()).stripTrailingZeros();
        BigDecimal divisor = BigDecimal.ONE.add(rate.movePointLeft(2));
        int digits = Money.minorDigits(gross.currency());
        Money net = Money.of(gross.value().divide(divisor, digits, RoundingMode.HALF_UP), gross.currency());
        return new InvoiceTax(rate, net, gross.minus(net), gross, null);
    }

    /** An EU seller and a buyer whose VAT id names another member state: the buyer accounts for the VAT. */
    static boolean isReverseCharge(SellerProperties seller, @Nullable String buyerTaxId) {
        String sellerState = "GR".equals(seller.country()) ? "EL" : seller.country();
        if (buyerTaxId == null || !EU_VAT_PREFIXES.contains(sellerState)) {
            return false;
        }
        String id = buyerTaxId.replace(" ", "").toUpperCase(Locale.ROOT);
        if (id.length() < 4) {
            return false;
        }
        String prefix = id.substring(0, 2);
        return EU_VAT_PREFIXES.contains(prefix) && !prefix.equals(sellerState);
    }

    String rateLabel() {
        return rate.toPlainString() + " %";
    }
}
