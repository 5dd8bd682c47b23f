package dev.billfold.fxrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The two feeds' formats, parsed without a network or a database. */
class RateFeedsTest {

    static final String ECB = """
            <?xml version="1.0" encoding="UTF-8"?>
            <gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01"
                             xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
              <gesmes:subject>Reference rates</gesmes:subject>
              <gesmes:Sender><gesmes:name>European Central Bank</gesmes:name></gesmes:Sender>
              <Cube>
                <Cube time="%s">
                  <Cube currency="USD" rate="1.0550"/>
                  <Cube currency="JPY" rate="162.45"/>
                  <Cube currency="GBP" rate="0.83150"/>
                </Cube>
              </Cube>
            </gesmes:Envelope>
            """;

    static final String CSV = """
            pair,rate,date
            # uploaded by the provider
            USD/KZT,470.12,%1$s
            USD/UZS,12750.5,%1$s
            GEL/USD,0.3676,%1$s
            """;

    @Test
    void the_ecb_daily_file_gives_one_rate_per_currency_from_eur_on_its_day() {
        var rates = EcbRateSource.parse(ECB.formatted("2026-12-02"));

        assertThat(rates).hasSize(3).allSatisfy(rate -> {
            assertThat(rate.source()).isEqualTo("ECB");
            assertThat(rate.date()).isEqualTo(LocalDate.of(2026, 12, 2));
            assertThat(rate.pair().base().getCurrencyCode()).isEqualTo("EUR");
        });
        assertThat(rates.getFirst().pair()).isEqualTo(CurrencyPair.parse("EUR/USD"));
        assertThat(rates.getFirst().rate()).isEqualByComparingTo("1.0550").extracting(BigDecimal::scale)
                .isEqualTo(PublishedRate.SCALE);
    }

    @Test
    void an_ecb_file_without_a_day_without_rates_or_with_a_dtd_is_refused_whole() {
        assertThatThrownBy(() -> EcbRateSource.parse("<Envelope><Cube><Cube currency=\"USD\" rate=\"1.05\"/></Cube>"
                + "</Envelope>")).isInstanceOf(RateFeedException.class).hasMessageContaining("outside a dated Cube");
        assertThatThrownBy(() -> EcbRateSource.parse("<Envelope><Cube><Cube time=\"2026-12-02\"/></Cube></Envelope>"))
                .isInstanceOf(RateFeedException.class).hasMessageContaining("no rates");
        assertThatThrownBy(() -> EcbRateSource.parse(ECB.formatted("2026-12-02").replace("1.0550", "-1")))
                .isInstanceOf(RateFeedException.class).hasMessageContaining("positive");
        assertThatThrownBy(() -> EcbRateSource.parse("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"))
                .isInstanceOf(RateFeedException.class);
        assertThatThrownBy(() -> EcbRateSource.parse("<html>Service unavailable"))
                .isInstanceOf(RateFeedException.class).hasMessageContaining("did not parse");
    }

    @Test
    void the_csv_gives_its_pairs_and_one_bad_row_refuses_the_whole_file() {
        var rates = CsvRateSource.parse(CSV.formatted("2026-12-02"));

        assertThat(rates).extracting(rate -> rate.pair().toString()).containsExactly("USD/KZT", "USD/UZS", "GEL/USD");
        assertThat(rates.get(1).rate()).isEqualByComparingTo("12750.5");

        assertThatThrownBy(() -> CsvRateSource.parse(CSV.formatted("2026-12-02") + "USD/XXY,1,2026-12-02\n"))
                .isInstanceOf(RateFeedException.class).hasMessageContaining("Line");
        assertThatThrownBy(() -> CsvRateSource.parse(CSV.formatted("2026-12-02") + "USD/AMD,abc,2026-12-02\n"))
                .isInstanceOf(RateFeedException.class);
        assertThatThrownBy(() -> CsvRateSource.parse("currency,value\nKZT,470\n"))
                .isInstanceOf(RateFeedException.class).hasMessageContaining("pair,rate,date");
        assertThatThrownBy(() -> CsvRateSource.parse("pair,rate,date\n"))
                .isInstanceOf(RateFeedException.class).hasMessageContaining("no rates");
    }
}
