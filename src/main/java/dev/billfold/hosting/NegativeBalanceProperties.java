package dev.billfold.hosting;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What happens to services while an account's balance is below zero after a refund or a dispute (DD-069).
 *
 * @param gracePeriod how long the balance may stay below zero before the account's active services are suspended,
 *                    by the same job and with the same notice as services whose paid time ran out
 * @param batchSize   accounts taken per step of the daily job
 */
@ConfigurationProperties("billfold.negative-balance")
public record NegativeBalanceProperties(
        @DefaultValue("P14D") Duration gracePeriod,
        @DefaultValue("200") int batchSize) {

    public NegativeBalanceProperties {
        if (gracePeriod.isNegative() || batchSize <= 0) {
            throw new IllegalArgumentException("billfold.negative-balance.grace-period must not be negative, "
                    + "and batch-size must be positive");
        }
    }
}
