package dev.billfold.fxrate;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Rates a provider uploads for what the ECB lacks (KZT, UZS, KES, AMD, AZN, GEL, KGS, TMT, TJS): a CSV with the header
 * {@code pair,rate,date}, e.g. {@code USD/KZT,470.12,2026-12-02}, read from a file path or an address. One bad row
 * rejects the whole file, so a half-read upload never mixes with the rates before it.
 */
final class CsvRateSource {

    static final String NAME = "csv";

    private CsvRateSource() {
    }

    static RateSource at(URI address, FeedReader reader) {
        return new FeedRateSource(NAME, address, reader, CsvRateSource::parse);
    }

    static List<PublishedRate> parse(String csv) {
        var format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).setCommentMarker('#').get();
        var rates = new ArrayList<PublishedRate>();
        try (var parser = format.parse(new StringReader(csv))) {
            if (!parser.getHeaderNames().equals(List.of("pair", "rate", "date"))) {
                throw new RateFeedException("The rates CSV needs the header pair,rate,date, got "
                        + parser.getHeaderNames());
            }
            for (CSVRecord row : parser) {
                try {
                    rates.add(new PublishedRate(NAME, CurrencyPair.parse(row.get("pair")),
                            new BigDecimal(row.get("rate")), LocalDate.parse(row.get("date"))));
                } catch (RuntimeException e) {
                    throw new RateFeedException("Line " + parser.getCurrentLineNumber() + " of the rates CSV: "
                            + e.getMessage(), e);
                }
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new RateFeedException("The rates CSV did not parse: " + e.getMessage(), e);
        }
        if (rates.isEmpty()) {
            throw new RateFeedException("The rates CSV has no rates");
        }
        return List.copyOf(rates);
    }
}
