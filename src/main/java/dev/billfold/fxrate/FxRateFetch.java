package dev.billfold.fxrate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fetches every source and stores what it published: the configured ECB and CSV feeds, and any other
 * {@link RateSource} bean. A source that fails (unreachable, malformed, a rate dated in the future) is logged and
 * skipped whole; its earlier rates stay until they are stale. Every node may run it: the rows are keyed by
 * (source, pair, date), so two nodes write the same row.
 */
@Component
public class FxRateFetch {

    private static final Logger log = LoggerFactory.getLogger(FxRateFetch.class);

    private final List<RateSource> sources;
    private final FxRateStore store;
    private final ExchangeRates rates;
    private final TransactionTemplate transaction;
    private final Clock clock;

    FxRateFetch(FxRateProperties properties, ObjectProvider<RateSource> plugged, FxRateStore store,
                ExchangeRates rates, PlatformTransactionManager transactions, Clock clock) {
        var all = new ArrayList<RateSource>();
        var reader = new FeedReader(properties.timeout());
        if (properties.ecbUrl() != null) {
            all.add(EcbRateSource.at(properties.ecbUrl(), reader));
        }
        if (properties.csvUrl() != null) {
            all.add(CsvRateSource.at(properties.csvUrl(), reader));
        }
        plugged.orderedStream().forEach(all::add);
        this.sources = List.copyOf(all);
        this.store = store;
        this.rates = rates;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Fetches every source once; the answer is how many rates each stored, or -1 for a source that failed. */
    public Map<String, Integer> fetchAll() {
        var outcome = new LinkedHashMap<String, Integer>();
        for (RateSource source : sources) {
            outcome.put(source.name(), fetch(source));
        }
        rates.reload();
        return outcome;
    }

    private int fetch(RateSource source) {
        try {
            List<PublishedRate> published = source.fetch();
            Instant now = clock.instant();
            LocalDate tomorrow = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1);
            for (PublishedRate rate : published) {
                if (!rate.source().equals(source.name())) {
                    throw new RateFeedException("Source " + source.name() + " returned a rate of " + rate.source());
                }
                if (rate.date().isAfter(tomorrow)) {
                    throw new RateFeedException("The rate of " + rate.pair() + " is dated " + rate.date()
                            + ", in the future");
                }
            }
            transaction.executeWithoutResult(status -> published.forEach(rate -> store.save(rate, now)));
            log.info("Stored {} exchange rates from {}", published.size(), source.name());
            return published.size();
        } catch (RuntimeException e) {
            log.warn("Could not fetch exchange rates from {}; its earlier rates stay in use until stale: {}",
                    source.name(), e.getMessage());
            return -1;
        }
    }
}
