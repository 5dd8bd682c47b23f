package dev.billfold.payment;

import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.Money;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.regex.Pattern;
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
            throw new InvalidRequestException("amount",
                    "Top-ups in %s are not available. Contact support.".formatted(currency.getCurrencyCode()));
        }
        return limits;
    }

    List<Money> presets(Currency currency) {
        TopUpProperties.CurrencyLimits limits = properties.currencies().get(currency.getCurrencyCode());
        return limits == null ? List.of() : limits.presets().stream().map(p -> Money.of(p, currency)).toList();
    }

    /** "Enter between $0.50 and $15,000.00." */
    String rangeHint(Currency currency) {
        TopUpProperties.CurrencyLimits limits = limitsFor(currency);
        return "Enter between %s and %s.".formatted(Money.of(limits.min(), currency).format(),
                Money.of(limits.max(), currency).format());
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
    Money parse(String typed, Currency currency, String hint, String example) {
        // Before anything looks at the text: a million digits took a core for about 26 s.
        if (typed.length() > TopUpRequest.AMOUNT_MAX_LENGTH) {
            throw new InvalidRequestException("amount", "The amount has at most %d characters. %s"
                    .formatted(TopUpRequest.AMOUNT_MAX_LENGTH, hint));
        }
        String text = typed.strip().replace(" ", "").replace("\u00a0", "").replace("\u202f", "");
        if (text.isEmpty()) {
            throw new InvalidRequestException("amount", "Enter an amount. " + hint);
        }
        if (text.startsWith("-")) {
            throw new InvalidRequestException("amount", "The amount must be more than zero. " + hint);
        }
        String normalised;
        if (GROUPED.matcher(text).matches()) {
            normalised = text.replace(",", "");
        } else if (PLAIN.matcher(text).matches()) {
            normalised = text.replace(',', '.');
        } else {
            throw new InvalidRequestException("amount",
                    "Enter the amount as a number, for example %s.".formatted(example));
        }
        BigDecimal value = new BigDecimal(normalised);
        int digits = Money.minorDigits(currency);
        if (value.stripTrailingZeros().scale() > digits) {
            throw new InvalidRequestException("amount", digits == 0
                    ? "%s amounts are whole numbers.".formatted(currency.getCurrencyCode())
                    : "%s amounts have at most %d decimal places.".formatted(currency.getCurrencyCode(), digits));
        }
        Money amount = Money.of(value, currency);
        if (!amount.isPositive()) {
            throw new InvalidRequestException("amount", "The amount must be more than zero. " + hint);
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
            throw new InvalidRequestException("amount", "The minimum top-up is %s. %s"
                    .formatted(Money.of(limits.min(), currency).format(), rangeHint(currency)));
        }
        if (value.compareTo(limits.max()) > 0) {
            meters.refused(PaymentMeters.Refusal.ABOVE_MAXIMUM);
            throw new InvalidRequestException("amount", "The maximum top-up is %s per payment. %s"
                    .formatted(Money.of(limits.max(), currency).format(), rangeHint(currency)));
        }
    }

    /** Daily caps, per account. {@code usedToday} counts payments that are or may become money on the balance. */
    void checkDaily(Money amount, DailyUsage usedToday) {
        TopUpProperties.CurrencyLimits limits = limitsFor(amount.currency());
        if (limits.dailyCount() != null && usedToday.count() >= limits.dailyCount()) {
            meters.refused(PaymentMeters.Refusal.DAILY_COUNT);
            throw new InvalidRequestException("amount",
                    "At most %d top-ups a day are allowed, and you have made %d today. Try again tomorrow."
                            .formatted(limits.dailyCount(), usedToday.count()));
        }
        if (limits.dailyTotal() != null) {
            checkDailyTotal("Top-ups", Money.of(limits.dailyTotal(), amount.currency()), amount, usedToday);
        }
    }

    /** A daily cap on the sum of {@code what} (all top-ups, or one method's payments) paid today. */
    void checkDailyTotal(String what, Money cap, Money amount, DailyUsage usedToday) {
        Money left = cap.minus(usedToday.total());
        if (amount.isGreaterThan(left)) {
            meters.refused(PaymentMeters.Refusal.DAILY_TOTAL);
            throw new InvalidRequestException("amount", "%s are limited to %s a day; %s is left today."
                    .formatted(what, cap.format(),
                            left.isNegative() ? Money.zero(amount.currency()).format() : left.format()));
        }
    }

    ZoneId dayZone() {
        return properties.dayZone();
    }

    record DailyUsage(int count, Money total) {
    }
}
