package dev.billfold.payment;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Top-up limits and presets per account currency. A currency without an entry cannot be topped up: limits are never
 * guessed (one provider's published Kenyan limits contradict themselves, so KES must be configured explicitly).
 *
 * @param dayZone    where a "day" starts for the daily limits
 * @param currencies limits by ISO currency code
 */
@ConfigurationProperties("billfold.top-up")
public record TopUpProperties(@DefaultValue("UTC") ZoneId dayZone, Map<String, CurrencyLimits> currencies) {

    public TopUpProperties {
        currencies = Map.copyOf(currencies);
    }

    /**
     * @param min        smallest amount per payment
     * @param max        largest amount per payment
     * @param dailyTotal optional cap on the sum of one account's top-ups per day
     * @param dailyCount optional cap on the number of one account's top-ups per day
     * @param presets    amounts offered as buttons; each must lie within the limits
     */
    public record CurrencyLimits(BigDecimal min, BigDecimal max, @Nullable BigDecimal dailyTotal,
                                 @Nullable Integer dailyCount, @DefaultValue List<BigDecimal> presets) {

        public CurrencyLimits {
            Objects.requireNonNull(min, "min");
            Objects.requireNonNull(max, "max");
            if (min.signum() <= 0 || min.compareTo(max) > 0) {
                throw new IllegalArgumentException("Top-up limits need 0 < min <= max, got min %s and max %s"
                        .formatted(min.toPlainString(), max.toPlainString()));
            }
            if (dailyTotal != null && dailyTotal.compareTo(min) < 0) {
                throw new IllegalArgumentException("The daily total %s is below the minimum %s"
                        .formatted(dailyTotal.toPlainString(), min.toPlainString()));
            }
            if (dailyCount != null && dailyCount < 1) {
                throw new IllegalArgumentException("The daily count must be at least 1");
            }
            for (BigDecimal preset : presets) {
                if (preset.compareTo(min) < 0 || preset.compareTo(max) > 0) {
                    throw new IllegalArgumentException("Preset %s is outside %s–%s"
                            .formatted(preset.toPlainString(), min.toPlainString(), max.toPlainString()));
                }
            }
            presets = List.copyOf(presets);
        }
    }
}
