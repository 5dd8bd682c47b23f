package dev.billfold.payment;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the poller learns refunds and disputes that no webhook brought (DD-070).
 *
 * @param reconcileFor how long after a payment was made its provider is still asked about refunds and disputes
 *                     (card disputes can come up to 120 days later, refunds within the providers' 180 days)
 * @param recentFor    a payment younger than this is asked in every poller cycle, so a refund made just after it shows
 *                     within one poll
 * @param laterEvery   older payments are asked this often
 */
@ConfigurationProperties("billfold.refunds")
public record RefundProperties(
        @DefaultValue("P180D") Duration reconcileFor,
        @DefaultValue("P1D") Duration recentFor,
        @DefaultValue("PT6H") Duration laterEvery) {

    public RefundProperties {
        if (reconcileFor.isNegative() || recentFor.isNegative() || laterEvery.isNegative() || laterEvery.isZero()) {
            throw new IllegalArgumentException("billfold.refunds durations must be positive");
        }
    }
}
