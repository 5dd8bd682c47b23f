package dev.billfold.statement;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Statement imports (docs/configuration.md).
 *
 * @param maxSize   a larger file is refused while it is uploaded, unread
 * @param batchSize entries matched and applied per transaction
 */
@ConfigurationProperties("billfold.statements")
public record StatementProperties(@DefaultValue("20MB") DataSize maxSize, @DefaultValue("500") int batchSize) {

    public StatementProperties {
        if (maxSize.toBytes() <= 0) {
            throw new IllegalArgumentException("billfold.statements.max-size must be positive");
        }
        if (batchSize < 1 || batchSize > 5000) {
            throw new IllegalArgumentException("billfold.statements.batch-size must be between 1 and 5000");
        }
    }
}
