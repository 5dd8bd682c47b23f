package dev.billfold.refund;

import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.Money;
import dev.billfold.base.Texts;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Currency;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The refund forms' text fields, checked before anything is read or written (DD-052's bounds). */
final class RefundInput {

    static final int AMOUNT_MAX_LENGTH = 30;
    static final int NOTE_MAX = 500;
    static final int HOLDER_MAX = 200;
    static final int REFERENCE_MAX = 100;
    static final int KEY_MAX = 100;

    private static final Pattern GROUPED = Pattern.compile("\\d{1,3}(,\\d{3})+(\\.\\d+)?");
    private static final Pattern PLAIN = Pattern.compile("\\d+([.,]\\d+)?");
    private static final Pattern IBAN = Pattern.compile("[A-Z]{2}\\d{2}[A-Z0-9]{11,30}");
    private static final Pattern BIC = Pattern.compile("[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?");

    private RefundInput() {
    }

    /** A positive amount in the currency's minor units, at most {@code most}. */
    static Money amount(@Nullable String typed, Currency currency, Money most) {
        Texts.Message range = new Texts.Message("errors.amount.up-to", most);
        String text = typed == null ? "" : typed;
        if (text.length() > AMOUNT_MAX_LENGTH) {
            throw InvalidRequestException.keyed("amount", "errors.amount.too-long", AMOUNT_MAX_LENGTH, range);
        }
        text = text.strip().replace(" ", "").replace("\u00a0", "").replace("\u202f", "");
        if (text.isEmpty()) {
            throw InvalidRequestException.keyed("amount", "errors.amount.empty", range);
        }
        String normalised;
        if (GROUPED.matcher(text).matches()) {
            normalised = text.replace(",", "");
        } else if (PLAIN.matcher(text).matches()) {
            normalised = text.replace(',', '.');
        } else {
            throw InvalidRequestException.keyed("amount", "errors.amount.not-a-number-in-range", "25.00", range);
        }
        BigDecimal value = new BigDecimal(normalised);
        int digits = Money.minorDigits(currency);
        if (value.stripTrailingZeros().scale() > digits) {
            throw digits == 0
                    ? InvalidRequestException.keyed("amount", "errors.amount.whole", currency.getCurrencyCode())
                    : InvalidRequestException.keyed("amount", "errors.amount.decimals", currency.getCurrencyCode(),
                    digits);
        }
        Money amount = Money.of(value, currency);
        if (!amount.isPositive()) {
            throw InvalidRequestException.keyed("amount", "errors.amount.not-positive", range);
        }
        if (amount.isGreaterThan(most)) {
            throw most.isPositive() ? InvalidRequestException.keyed("amount", "errors.refund.at-most", most, range)
                    : InvalidRequestException.keyed("amount", "errors.refund.nothing-now");
        }
        return amount;
    }

    static String note(@Nullable String text, String field, boolean required) {
        String note = text == null ? "" : text.strip();
        if (note.isEmpty() && required) {
            throw InvalidRequestException.keyed(field, "errors.note.empty");
        }
        if (note.length() > NOTE_MAX) {
            throw InvalidRequestException.keyed(field, "errors.note.too-long", NOTE_MAX);
        }
        return note;
    }

    static String key(String requestKey) {
        if (requestKey.isBlank() || requestKey.length() > KEY_MAX) {
            throw InvalidRequestException.keyed(null, "errors.refund.form-stale");
        }
        return requestKey;
    }

    /** The bank account for payout parts: a holder and an IBAN with valid check digits; the BIC is optional. */
    static RefundRequest.PayoutAccount payout(@Nullable String holder, @Nullable String iban, @Nullable String bic) {
        String name = holder == null ? "" : holder.strip();
        if (name.isEmpty()) {
            throw InvalidRequestException.keyed("payoutHolder", "errors.refund.holder-empty");
        }
        if (name.length() > HOLDER_MAX) {
            throw InvalidRequestException.keyed("payoutHolder", "errors.refund.holder-too-long", HOLDER_MAX);
        }
        String number = iban == null ? "" : iban.replace(" ", "").toUpperCase(Locale.ROOT);
        if (number.length() > 34 || !IBAN.matcher(number).matches() || !checkDigitsHold(number)) {
            throw InvalidRequestException.keyed("payoutIban", "errors.refund.iban");
        }
        String code = bic == null ? "" : bic.replace(" ", "").toUpperCase(Locale.ROOT);
        if (!code.isEmpty() && (code.length() > 11 || !BIC.matcher(code).matches())) {
            throw InvalidRequestException.keyed("payoutBic", "errors.refund.bic");
        }
        return new RefundRequest.PayoutAccount(name, number, code.isEmpty() ? null : code);
    }

    static String reference(@Nullable String text) {
        String reference = text == null ? "" : text.strip();
        if (reference.isEmpty()) {
            throw InvalidRequestException.keyed("reference", "errors.refund.reference-empty");
        }
        if (reference.length() > REFERENCE_MAX) {
            throw InvalidRequestException.keyed("reference", "errors.refund.reference-too-long", REFERENCE_MAX);
        }
        return reference;
    }

    /** ISO 13616: the IBAN with its first four characters moved to the end, letters as numbers, is 1 modulo 97. */
    static boolean checkDigitsHold(String iban) {
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        var digits = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }
}
