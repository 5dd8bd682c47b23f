package dev.billfold.payment;

import java.time.Duration;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Paying in another currency (DD-093): the pay currencies per account currency
 * ({@code billfold.quotes.pay-currencies.KZT=KZT,UZS,...}; an account currency without an entry pays in itself only)
 * and how long a quote's price holds.
 */
@ConfigurationProperties("billfold.quotes")
public record QuoteProperties(@DefaultValue Map<String, List<Currency>> payCurrencies,
                              @DefaultValue("15m") Duration lock) {

    public QuoteProperties {
        payCurrencies = Map.copyOf(new TreeMap<>(payCurrencies));
        if (lock.isNegative() || lock.isZero()) {
            throw new IllegalArgumentException("billfold.quotes.lock must be positive, got " + lock);
        }
    }

    /** The account's own currency first, then the others configured for it. */
    List<Currency> payCurrenciesOf(Currency account) {
        var listed = payCurrencies.getOrDefault(account.getCurrencyCode(), List.of());
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(account), listed.stream()).distinct()
                .toList();
    }
}
