package dev.billfold.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Webhook delivery (DD-075) and its targets (DD-076).
 *
 * @param requireHttps        endpoints must be https (on in production)
 * @param allowPrivateTargets a target may resolve to loopback, private, link-local or metadata addresses (off unless a
 *                            provider's receiver lives on its own network; the tests' loopback receiver needs it)
 * @param timeout             the whole of one attempt: connect, send, the answer
 * @param responseBytes       how much of a receiver's answer is read and kept for the delivery log
 * @param retrySchedule       the waits after the 1st, 2nd, ... failed attempt; past the last one a delivery fails for
 *                            good (Standard Webhooks': 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h, 24 h)
 * @param jitter              each wait is moved by up to this share either way, so that retries of a burst spread
 * @param longestRetryAfter   the most a receiver's Retry-After is honoured for
 * @param rotationOverlap     how long a rotated secret still signs, next to the new one
 * @param deliveryCron        when a node looks for due deliveries (Spring cron; "-" is off)
 * @param lease               how long a sender holds a claimed delivery; well above the timeout
 * @param batchSize           deliveries one claim takes at most
 * @param senders             threads per node that talk to receivers
 * @param queueCapacity       claimed deliveries per node waiting for a sender
 */
@ConfigurationProperties("billfold.webhooks")
record WebhookProperties(boolean requireHttps, boolean allowPrivateTargets, Duration timeout, int responseBytes,
                         List<Duration> retrySchedule, double jitter, Duration longestRetryAfter,
                         Duration rotationOverlap, String deliveryCron, Duration lease, int batchSize, int senders,
                         int queueCapacity) {

    WebhookProperties {
        retrySchedule = List.copyOf(retrySchedule);
        if (timeout.isNegative() || timeout.isZero() || lease.compareTo(timeout.multipliedBy(2)) < 0
                || responseBytes < 0 || jitter < 0 || jitter >= 1 || batchSize < 1 || senders < 1
                || queueCapacity < 1 || retrySchedule.stream().anyMatch(Duration::isNegative)) {
            throw new IllegalArgumentException("billfold.webhooks.*: timeout positive, lease at least twice the "
                    + "timeout, jitter in [0, 1), batch-size, senders and queue-capacity at least 1");
        }
    }

    /**
     * The wait after the {@code failed}-th failed attempt in a row (1 for the first), jittered by {@code random} in
     * [0, 1); empty once the schedule is used up.
     */
    Optional<Duration> waitAfter(int failed, double random) {
        if (failed < 1 || failed > retrySchedule.size()) {
            return Optional.empty();
        }
        Duration wait = retrySchedule.get(failed - 1);
        double factor = 1 + jitter * (2 * random - 1);
        return Optional.of(Duration.ofMillis(Math.round(wait.toMillis() * factor)));
    }
}
