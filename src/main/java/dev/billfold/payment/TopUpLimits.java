package dev.billfold.payment;

import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.Money;
import dev.billfold.base.Texts;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Reads a typed amount and checks it against the configured limits. Every message says what is wrong and what is
 * allowed, and is safe to show as it is.
 */
@Component
class TopUpLimits {

    private static final Pattern GROUPED = Pattern.compile("\\d{1,3}(,\\d{3})+(\\.\\d+)?");
    private static final Pattern PLAIN = Pattern.compile("\\d+([.,]\\d+)?");

    private final TopUpProperties properties;

    private final PaymentMeters meters;

    TopUpLimits(TopUpProperties properties, PaymentMeters meters) {
        this.properties = properties;
        this.meters = meters;
    }

    TopUpProperties.CurrencyLimits limitsFor(Currency currency) {
        TopUpProperties.CurrencyLimits limits = properties.currencies().get(currency.getCurrencyCode());
        if (limits == null) {
            throw InvalidRequestException.keyed("amount", "errors.topup.currency-unavailable",
                    currency.getCurrencyCode());
        }
        return limits;
    }

    List<Money> presets(Currency currency) {
        TopUpProperties.CurrencyLimits limits = properties.currencies().get(currency.getCurrencyCode());
        return limits == null ? List.of() : limits.presets().stream().map(p -> Money.of(p, currency)).toList();
    }

    /** "Enter between $0.50 and $15,000.00.", in the reader's language. */
    Texts.Message rangeHint(Currency currency) {
        TopUpProperties.CurrencyLimits limits = limitsFor(currency);
        return new Texts.Message("errors.amount.range", Money.of(limits.min(), currency),
                Money.of(limits.max(), currency));
    }

    /** Parses what the customer typed and checks the per-payment limits. */
    Money parseAndCheck(String typed, Currency currency) {
        Money amount = parse(typed, currency, rangeHint(currency),
                Money.of(limitsFor(currency).min(), currency).value().toPlainString());
        checkRange(amount);
        return amount;
    }

    /**
     * Parses an amount in a currency that may have no limits of its own (a pay currency, DD-093); {@code hint} ends
     * every message, {@code example} is a well-formed amount.
     */
    Money parse(String typed, Currency currency, Texts.Message hint, String example) {
        // Before anything looks at the text: a million digits took a core for about 26 s.
        if (typed.length() > TopUpRequest.AMOUNT_MAX_LENGTH) {
            throw InvalidRequestException.keyed("amount", "errors.amount.too-long", TopUpRequest.AMOUNT_MAX_LENGTH,
                    hint);
        }
        String text = typed.strip().replace(" ", "").replace("\u00a0", "").replace("\u202f", "");
        if (text.isEmpty()) {
            throw InvalidRequestException.keyed("amount", "errors.amount.empty", hint);
        }
        if (text.startsWith("-")) {
            throw InvalidRequestException.keyed("amount", "errors.amount.not-positive", hint);
        }
        String normalised;
        if (GROUPED.matcher(text).matches()) {
            normalised = text.replace(",", "");
        } else if (PLAIN.matcher(text).matches()) {
            normalised = text.replace(',', '.');
        } else {
            throw InvalidRequestException.keyed("amount", "errors.amount.not-a-number", example);
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
            throw InvalidRequestException.keyed("amount", "errors.amount.not-positive", hint);
        }
        return amount;
    }

    /** The per-payment minimum and maximum of the amount's currency. */
    void checkRange(Money amount) {
        Currency currency = amount.currency();
        BigDecimal value = amount.value();
        TopUpProperties.CurrencyLimits limits = limitsFor(currency);
        if (value.compareTo(limits.min()) < 0) {
            meters.refused(PaymentMeters.Refusal.BELOW_MINIMUM);
            throw InvalidRequestException.keyed("amount", "errors.amount.below-minimum",
                    Money.of(limits.min(), currency), rangeHint(currency));
        }
        if (value.compareTo(limits.max()) > 0) {
            meters.refused(PaymentMeters.Refusal.ABOVE_MAXIMUM);
            throw InvalidRequestException.keyed("amount", "errors.amount.above-maximum",
                    Money.of(limits.max(), currency), rangeHint(currency));
        }
    }

    /** Daily caps, per account. {@code usedToday} counts payments that are or may become money on the balance. */
    void checkDaily(Money amount, DailyUsage usedToday) {
        TopUpProperties.CurrencyLimits limits = limitsFor(amount.currency());
        if (limits.dailyCount() != null && usedToday.count() >= limits.dailyCount()) {
            meters.refused(PaymentMeters.Refusal.DAILY_COUNT);
            throw InvalidRequestException.keyed("amount", "errors.topup.daily-count", limits.dailyCount(),
                    usedToday.count());
        }
        if (limits.dailyTotal() != null) {
            checkDailyTotal(null, Money.of(limits.dailyTotal(), amount.currency()), amount, usedToday);
        }
    }

    /** A daily cap on the sum of all top-ups, or (a method's name) of that method's payments, paid today. */
    void checkDailyTotal(@Nullable String method, Money cap, Money amount, DailyUsage usedToday) {
        Money left = cap.minus(usedToday.total());
        if (amount.isGreaterThan(left)) {
            meters.refused(PaymentMeters.Refusal.DAILY_TOTAL);
            Money shown = left.isNegative() ? Money.zero(amount.currency()) : left;
            throw method == null
                    ? InvalidRequestException.keyed("amount", "errors.topup.daily-total", cap, shown)
                    : InvalidRequestException.keyed("amount", "errors.topup.daily-total-method", method, cap, shown);
        }
    }

    ZoneId dayZone() {
        return properties.dayZone();
    }

    record DailyUsage(int count, Money total) {
    }
}
