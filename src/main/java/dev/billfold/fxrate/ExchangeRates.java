package dev.billfold.fxrate;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The rate to convert a pay currency into an account currency: a direct rate, its inverse, or a cross through EUR
 * or USD, from the freshest day any source published; never a stale one (DD-092). The stored rates are read into
 * memory and read again after a fetch on this node, or once {@link #RELOAD} has passed (another node's fetch).
 *
 * <p>Not a boundary: rates are the same for everyone and name no account; the payment service that prices a quote
 * checks who may pay.
 */
@Component
public class ExchangeRates {

    static final Duration RELOAD = Duration.ofMinutes(1);
    static final String FIXED = "fixed";
    private static final List<Currency> PIVOTS = List.of(Currency.getInstance("EUR"), Currency.getInstance("USD"));
    private static final MathContext WORKING = new MathContext(24, RoundingMode.HALF_EVEN);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final FxRateProperties properties;
    private final FxRateStore store;
    private final Clock clock;
    private volatile Map<CurrencyPair, StoredRate> stored = Map.of();
    private volatile long loadedAt;
    private volatile boolean loaded;

    ExchangeRates(FxRateProperties properties, FxRateStore store, Clock clock) {
        this.properties = properties;
        this.store = store;
        this.clock = clock;
    }

    /** The spread added to every rate, in percent, as shown to the payer. */
    public BigDecimal spreadPercent() {
        return properties.spreadPercent();
    }

    /**
     * The conversion of {@code pay} into {@code account}, spread included.
     *
     * @throws RateUnavailableException when no source has the pair, or its rate is older than the configured age
     */
    public Conversion conversion(Currency pay, Currency account) {
        var pair = new CurrencyPair(pay, account);
        Map<CurrencyPair, StoredRate> rates = rates();
        List<List<Leg>> paths = paths(pair, rates);
        if (paths.isEmpty()) {
            throw new RateUnavailableException("There is no exchange rate from %s to %s: pay in %s."
                    .formatted(pay.getCurrencyCode(), account.getCurrencyCode(), account.getCurrencyCode()));
        }
        Instant now = clock.instant();
        Optional<List<Leg>> fresh = paths.stream().filter(path -> !stale(oldest(path), now)).findFirst();
        if (fresh.isEmpty()) {
            throw new RateUnavailableException(("The exchange rate from %s to %s is from %s, older than %d days: "
                    + "paying in %s is off until a fresh rate arrives. Pay in %s.").formatted(pay.getCurrencyCode(),
                    account.getCurrencyCode(), oldest(paths.getFirst()).rate().date(), properties.maxAge().toDays(),
                    pay.getCurrencyCode(), account.getCurrencyCode()));
        }
        return conversion(pair, fresh.get());
    }

    /** Reads the stored rates again now (after a fetch on this node). */
    void reload() {
        var best = new HashMap<CurrencyPair, StoredRate>();
        Comparator<StoredRate> freshness = Comparator.comparing((StoredRate s) -> s.rate().date())
                .thenComparing(StoredRate::fetchedAt);
        for (StoredRate rate : store.latest()) {
            best.merge(rate.rate().pair(), rate, (a, b) -> freshness.compare(a, b) >= 0 ? a : b);
        }
        stored = Map.copyOf(best);
        loadedAt = System.nanoTime();
        loaded = true;
    }

    private Map<CurrencyPair, StoredRate> rates() {
        if (!loaded || System.nanoTime() - loadedAt >= RELOAD.toNanos()) {
            reload();
        }
        if (!properties.fixedEnabled() || properties.fixed().isEmpty()) {
            return stored;
        }
        // Fixed rates are the demo's: as fresh as today, and ahead of anything stored for the same pair.
        var withFixed = new HashMap<>(stored);
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        properties.fixed().forEach((text, rate) -> {
            var published = new PublishedRate(FIXED, CurrencyPair.parse(text), rate, today);
            withFixed.put(published.pair(), new StoredRate(published, now));
        });
        return withFixed;
    }

    private static List<List<Leg>> paths(CurrencyPair pair, Map<CurrencyPair, StoredRate> rates) {
        var paths = new ArrayList<List<Leg>>();
        leg(pair, rates).ifPresent(leg -> paths.add(List.of(leg)));
        for (Currency pivot : PIVOTS) {
            if (pivot.equals(pair.base()) || pivot.equals(pair.quote())) {
                continue;
            }
            var first = leg(new CurrencyPair(pair.base(), pivot), rates);
            var second = leg(new CurrencyPair(pivot, pair.quote()), rates);
            if (first.isPresent() && second.isPresent()) {
                paths.add(List.of(first.get(), second.get()));
            }
        }
        return paths;
    }

    /** The pair as published, or the inverse of its inverse, whichever is fresher. */
    private static Optional<Leg> leg(CurrencyPair pair, Map<CurrencyPair, StoredRate> rates) {
        StoredRate direct = rates.get(pair);
        StoredRate inverse = rates.get(pair.inverse());
        if (direct != null && (inverse == null || !inverse.rate().date().isAfter(direct.rate().date()))) {
            return Optional.of(new Leg(direct.rate().rate(), direct));
        }
        if (inverse != null) {
            return Optional.of(new Leg(BigDecimal.ONE.divide(inverse.rate().rate(), WORKING), inverse));
        }
        return Optional.empty();
    }

    private Conversion conversion(CurrencyPair pair, List<Leg> path) {
        BigDecimal mid = BigDecimal.ONE;
        var sources = new LinkedHashSet<String>();
        for (Leg leg : path) {
            mid = mid.multiply(leg.rate(), WORKING);
            sources.add(leg.origin().rate().source());
        }
        BigDecimal spread = properties.spreadPercent();
        BigDecimal withSpread = mid.divide(BigDecimal.ONE.add(spread.divide(HUNDRED, WORKING)), WORKING);
        StoredRate oldest = oldest(path);
        return new Conversion(pair, mid.setScale(PublishedRate.SCALE, RoundingMode.HALF_EVEN),
                withSpread.setScale(PublishedRate.SCALE, RoundingMode.DOWN), spread, String.join("+", sources),
                oldest.rate().date(), path.stream().map(leg -> leg.origin().fetchedAt())
                .min(Comparator.naturalOrder()).orElseThrow());
    }

    private static StoredRate oldest(List<Leg> path) {
        return path.stream().map(Leg::origin).min(Comparator.comparing(s -> s.rate().date())).orElseThrow();
    }

    private boolean stale(StoredRate rate, Instant now) {
        return now.isAfter(rate.rate().date().atStartOfDay(ZoneOffset.UTC).toInstant().plus(properties.maxAge()));
    }

    /** One step of a path: 1 from = rate to, and the stored rate it came from. */
    private record Leg(BigDecimal rate, StoredRate origin) {
    }
}
