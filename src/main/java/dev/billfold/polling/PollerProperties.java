package dev.billfold.polling;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The background checks that ask providers about pending methods and waiting payments.
 *
 * @param enabled          whether this node runs the checks at all (tests drive them by hand)
 * @param interval         pause between two cycles
 * @param backoff          delay before the next question after the 1st, 2nd, ... unanswered one; the last repeats
 * @param giveUpAfter      a method still pending this long after it was started is FAILED ("not confirmed in time")
 * @param invoiceExpiry    an unpaid invoice payment is DELETED after this
 * @param paymentExpiry    any other unpaid payment is DELETED after this; a checkout its provider could not be asked
 *                         about is held for clarification instead (DD-055)
 * @param callsPerSecond   at most this many background calls per second to each provider, from all nodes together
 * @param providerBudget   at most this long per provider and cycle, so that a slow provider only delays itself
 * @param lease            how long a claimed row is held; a node that died lets it go after this
 * @param batchSize        rows claimed per short claiming transaction
 */
@ConfigurationProperties("billfold.poller")
public record PollerProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("PT1M") Duration interval,
        @DefaultValue({"PT1M", "PT5M", "PT15M", "PT1H", "PT4H", "PT12H", "PT24H"}) List<Duration> backoff,
        @DefaultValue("P7D") Duration giveUpAfter,
        @DefaultValue("P30D") Duration invoiceExpiry,
        @DefaultValue("P3D") Duration paymentExpiry,
        @DefaultValue("5") double callsPerSecond,
        @DefaultValue("PT50S") Duration providerBudget,
        @DefaultValue("PT2M") Duration lease,
        @DefaultValue("50") int batchSize) {

    private static final Duration CAP = Duration.ofHours(24);

    public PollerProperties {
        if (backoff == null || backoff.isEmpty()) {
            throw new IllegalArgumentException("billfold.poller.backoff needs at least one delay");
        }
        if (callsPerSecond <= 0 || batchSize <= 0) {
            throw new IllegalArgumentException("billfold.poller.calls-per-second and batch-size must be positive");
        }
        backoff = List.copyOf(backoff);
    }

    /**
     * The delay before asking again after {@code attempts} unanswered questions (1 = the first), capped at 24 hours.
     */
    public Duration delayAfter(int attempts) {
        Duration delay = backoff.get(Math.min(Math.max(attempts, 1), backoff.size()) - 1);
        return delay.compareTo(CAP) > 0 ? CAP : delay;
    }
}
