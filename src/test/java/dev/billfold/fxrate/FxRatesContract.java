package dev.billfold.fxrate;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.billfold.CapturedLogs;
import dev.billfold.MutableClock;
import dev.billfold.base.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Fetching, storing and converting, with WireMock serving the ECB's XML and the provider's CSV, through the
 * application's database, with a clock of its own. Runs on H2 and on PostgreSQL. The fx_rate table is emptied before
 * each test: only this feature writes it, and each test's rates must be the only ones.
 */
abstract class FxRatesContract {

    static final LocalDate DAY = LocalDate.of(2026, 12, 2);
    static final Instant NOON = Instant.parse("2026-12-02T12:00:00Z");
    static final Currency EUR = Currency.getInstance("EUR");
    static final Currency USD = Currency.getInstance("USD");
    static final Currency KZT = Currency.getInstance("KZT");
    static final Currency UZS = Currency.getInstance("UZS");
    static final Currency GEL = Currency.getInstance("GEL");

    static WireMockServer feeds;

    @RegisterExtension
    final CapturedLogs logs = new CapturedLogs();

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    ObjectProvider<RateSource> noPluggedSources;

    final MutableClock clock = new MutableClock(NOON);

    @BeforeAll
    static void start() {
        feeds = new WireMockServer(options().dynamicPort());
        feeds.start();
    }

    @AfterAll
    static void stop() {
        feeds.stop();
    }

    @BeforeEach
    void emptyRates() {
        feeds.resetAll();
        jdbc.sql("delete from fx_rate").update();
        serve("/ecb.xml", RateFeedsTest.ECB.formatted(DAY));
        serve("/rates.csv", RateFeedsTest.CSV.formatted(DAY));
    }

    static void serve(String path, String body) {
        feeds.stubFor(get(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200).withBody(body)));
    }

    FxRateProperties properties(String spread, @Nullable Map<String, BigDecimal> fixed) {
        return new FxRateProperties(URI.create(feeds.baseUrl() + "/ecb.xml"), URI.create(feeds.baseUrl() + "/rates.csv"),
                fixed == null ? Map.of() : fixed, fixed != null, Duration.ofDays(4), new BigDecimal(spread), "-",
                Duration.ofSeconds(5));
    }

    record Wired(ExchangeRates rates, FxRateFetch fetch) {
    }

    Wired wire(FxRateProperties properties) {
        var store = new FxRateStore(jdbc);
        var rates = new ExchangeRates(properties, store, clock);
        return new Wired(rates, new FxRateFetch(properties, noPluggedSources, store, rates, transactions, clock));
    }

    int rows() {
        return jdbc.sql("select count(*) from fx_rate").query(Integer.class).single();
    }

    @Test
    void both_feeds_are_stored_once_however_often_they_are_fetched() {
        var fx = wire(properties("0", null));

        assertThat(fx.fetch().fetchAll()).containsExactly(Map.entry("ECB", 3), Map.entry("csv", 3));
        clock.advance(Duration.ofHours(1));
        fx.fetch().fetchAll();

        assertThat(rows()).isEqualTo(6);
        assertThat(jdbc.sql("select fetched_at from fx_rate where source = 'ECB' and quote_currency = 'USD'")
                .query(java.sql.Timestamp.class).single().toInstant()).isEqualTo(NOON.plus(Duration.ofHours(1)));
    }

    @Test
    void a_direct_rate_an_inverse_and_crosses_through_eur_and_usd() {
        var fx = wire(properties("0", null));
        fx.fetch().fetchAll();

        assertThat(fx.rates().conversion(EUR, USD).rate()).isEqualByComparingTo("1.0550");
        assertThat(fx.rates().conversion(EUR, USD).source()).isEqualTo("ECB");
        // 1 USD = 1 / 1.0550 EUR
        assertThat(fx.rates().conversion(USD, EUR).rate())
                .isEqualByComparingTo(BigDecimal.ONE.divide(new BigDecimal("1.0550"), 12, RoundingMode.DOWN));
        // 1 UZS = 470.12 / 12750.5 KZT, through USD, from the CSV alone
        Conversion uzsToKzt = fx.rates().conversion(UZS, KZT);
        assertThat(uzsToKzt.rate()).isEqualByComparingTo(new BigDecimal("470.12")
                .divide(new BigDecimal("12750.5"), 12, RoundingMode.DOWN));
        assertThat(uzsToKzt.source()).isEqualTo("csv");
        // 1 EUR = 1.0550 × 470.12 KZT: the ECB's EUR/USD, then the CSV's USD/KZT
        Conversion eurToKzt = fx.rates().conversion(EUR, KZT);
        assertThat(eurToKzt.rate()).isEqualByComparingTo("495.9766");
        assertThat(eurToKzt.source()).isEqualTo("ECB+csv");
        assertThat(eurToKzt.rateDate()).isEqualTo(DAY);
        // GEL/USD published, so USD/GEL is its inverse
        assertThat(fx.rates().conversion(USD, GEL).rate())
                .isEqualByComparingTo(BigDecimal.ONE.divide(new BigDecimal("0.3676"), 12, RoundingMode.DOWN));
    }

    @Test
    void the_spread_is_added_to_every_rate_against_the_payer_and_rounding_favours_no_one_unseen() {
        var fx = wire(properties("2", null));
        fx.fetch().fetchAll();

        Conversion eurToUsd = fx.rates().conversion(EUR, USD);
        assertThat(eurToUsd.midRate()).isEqualByComparingTo("1.0550");
        assertThat(eurToUsd.spreadPercent()).isEqualByComparingTo("2");
        // 1 USD costs 2 % more EUR: 1 EUR = 1.0550 / 1.02 USD
        assertThat(eurToUsd.rate()).isEqualByComparingTo(new BigDecimal("1.0550")
                .divide(new BigDecimal("1.02"), 12, RoundingMode.DOWN));
        // 52.30 EUR × 1.034313725490 = 54.0946... USD, credited down to 54.09
        assertThat(eurToUsd.creditFor(Money.of("52.30", "EUR"))).isEqualTo(Money.of("54.09", "USD"));
        // 55.00 USD / 1.034313725490 = 53.1753... EUR, priced up to 53.18
        assertThat(eurToUsd.priceOf(Money.of("55.00", "USD"))).isEqualTo(Money.of("53.18", "EUR"));
        assertThat(eurToUsd.creditFor(eurToUsd.priceOf(Money.of("55.00", "USD"))))
                .isGreaterThanOrEqualTo(Money.of("55.00", "USD"));
        // KZT and UZS have two decimals in ISO 4217, and the amounts keep to them
        Conversion uzsToKzt = fx.rates().conversion(UZS, KZT);
        assertThat(uzsToKzt.creditFor(Money.of("100000", "UZS")).value().scale()).isEqualTo(2);
        assertThat(uzsToKzt.priceOf(Money.of("1000.00", "KZT")).currency()).isEqualTo(UZS);
    }

    @Test
    void a_rate_older_than_the_age_converts_nothing_and_says_why() {
        var fx = wire(properties("0", null));
        fx.fetch().fetchAll();

        clock.set(DAY.plusDays(4).atStartOfDay().toInstant(java.time.ZoneOffset.UTC));
        assertThat(fx.rates().conversion(UZS, KZT).rate()).isPositive();

        clock.advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> fx.rates().conversion(UZS, KZT)).isInstanceOf(RateUnavailableException.class)
                .hasMessage("The exchange rate from UZS to KZT is from 2026-12-02, older than 4 days: paying in UZS "
                        + "is off until a fresh rate arrives. Pay in KZT.");
        assertThatThrownBy(() -> fx.rates().conversion(EUR, KZT)).isInstanceOf(RateUnavailableException.class);
        assertThatThrownBy(() -> fx.rates().conversion(Currency.getInstance("CHF"), KZT))
                .isInstanceOf(RateUnavailableException.class)
                .hasMessage("There is no exchange rate from CHF to KZT: pay in KZT.");
    }

    @Test
    void a_malformed_or_unreachable_feed_is_logged_and_the_rates_before_it_stay() {
        var fx = wire(properties("0", null));
        fx.fetch().fetchAll();

        clock.advance(Duration.ofDays(1));
        serve("/ecb.xml", "<html>Service temporarily unavailable");
        serve("/rates.csv", RateFeedsTest.CSV.formatted(DAY.plusDays(1)) + "USD/KGS,eighty,2026-12-03\n");
        assertThat(fx.fetch().fetchAll()).containsExactly(Map.entry("ECB", -1), Map.entry("csv", -1));

        assertThat(rows()).isEqualTo(6);
        assertThat(fx.rates().conversion(EUR, USD).rateDate()).isEqualTo(DAY);
        assertThat(fx.rates().conversion(UZS, KZT).rateDate()).isEqualTo(DAY);
        assertThat(logs.events()).anySatisfy(event -> assertThat(event)
                .contains("WARN", "Could not fetch exchange rates from ECB", "did not parse"));
        assertThat(logs.events()).anySatisfy(event -> assertThat(event)
                .contains("WARN", "Could not fetch exchange rates from csv", "Line"));

        feeds.stubFor(get(urlPathEqualTo("/ecb.xml")).willReturn(aResponse().withStatus(503)));
        serve("/rates.csv", RateFeedsTest.CSV.formatted(DAY.plusDays(9)));
        assertThat(fx.fetch().fetchAll()).containsExactly(Map.entry("ECB", -1), Map.entry("csv", -1));
        assertThat(rows()).isEqualTo(6);
    }

    @Test
    void a_new_day_replaces_the_old_one_and_the_fixed_rates_stand_in_when_enabled() {
        var fx = wire(properties("0", null));
        fx.fetch().fetchAll();
        clock.advance(Duration.ofDays(1));
        serve("/rates.csv", RateFeedsTest.CSV.formatted(DAY.plusDays(1)).replace("470.12", "471.00"));
        fx.fetch().fetchAll();

        assertThat(rows()).isEqualTo(9);
        assertThat(fx.rates().conversion(USD, KZT).rate()).isEqualByComparingTo("471.00");
        assertThat(fx.rates().conversion(USD, KZT).rateDate()).isEqualTo(DAY.plusDays(1));

        var demo = wire(properties("0", Map.of("USDAMD", new BigDecimal("395"))));
        clock.advance(Duration.ofDays(30));
        Conversion fixed = demo.rates().conversion(USD, Currency.getInstance("AMD"));
        assertThat(fixed.source()).isEqualTo("fixed");
        assertThat(fixed.rate()).isEqualByComparingTo("395");
        assertThatThrownBy(() -> demo.rates().conversion(USD, KZT)).isInstanceOf(RateUnavailableException.class);
    }
}
