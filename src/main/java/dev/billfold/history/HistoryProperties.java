package dev.billfold.history;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The transaction history's export.
 *
 * @param csvMaxRows the most rows one CSV download holds; a larger export is refused with a message, never cut short.
 *                   The rows are held in memory while they are written, their texts bounded by their columns (under
 *                   1,000 characters a row), so this bounds that memory too.
 */
@ConfigurationProperties("billfold.history")
public record HistoryProperties(@DefaultValue("100000") int csvMaxRows) {

    public HistoryProperties {
        if (csvMaxRows < 1) {
            throw new IllegalArgumentException("billfold.history.csv-max-rows must be at least 1");
        }
    }
}
