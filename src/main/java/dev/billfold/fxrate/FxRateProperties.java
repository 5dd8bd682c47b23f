package dev.billfold.fxrate;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where rates come from and how far they are trusted (DD-092).
 *
 * @param ecbUrl the ECB's eurofxref-daily.xml; unset: no ECB source
 * @param csvUrl a provider-uploaded CSV of {@code pair,rate,date} (a {@code file:} or {@code https:} address) for
 *               what the ECB lacks (KZT, UZS, KES, ...); unset: no CSV source
 * @param fixed  fixed rates by pair ({@code fixed.USDKZT=470}), always as fresh as today: the demo's, never
 *               production's
 * @param fixedEnabled whether the fixed rates are used (the embedded default and the demo profile: yes;
 *               production: no)
 * @param maxAge a rate whose date is older than this converts nothing (the ECB skips weekends and holidays)
 * @param spreadPercent added to every rate, against the payer: 1 account unit costs this much more
 * @param fetchCron when every node fetches; {@code -} switches the schedule off (tests fetch by hand)
 * @param timeout connecting to and reading a feed
 */
@ConfigurationProperties("billfold.fx-rates")
public record FxRateProperties(@Nullable URI ecbUrl, @Nullable URI csvUrl,
                               @DefaultValue Map<String, BigDecimal> fixed,
                               @DefaultValue("false") boolean fixedEnabled,
                               @DefaultValue("4d") Duration maxAge,
                               @DefaultValue("0") BigDecimal spreadPercent,
                               @DefaultValue("0 7 * * * *") String fetchCron,
                               @DefaultValue("10s") Duration timeout) {

    public FxRateProperties {
        fixed = Map.copyOf(new TreeMap<>(fixed));
        fixed.forEach((pair, rate) -> new PublishedRate("fixed", CurrencyPair.parse(pair), rate,
                LocalDate.EPOCH));
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("billfold.fx-rates.max-age must be positive, got " + maxAge);
        }
        if (spreadPercent.signum() < 0 || spreadPercent.compareTo(BigDecimal.valueOf(50)) >= 0
                || spreadPercent.stripTrailingZeros().scale() > 3) {
            throw new IllegalArgumentException("billfold.fx-rates.spread-percent must be from 0 to under 50, with at "
                    + "most 3 decimals, got " + spreadPercent);
        }
    }
}
