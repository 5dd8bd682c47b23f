package dev.billfold.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The outbox's delivery and retry (DD-066).
 *
 * @param retryCron     when the retry job looks for publications that did not complete (Spring cron; "-" is off)
 * @param lease         how long a node holds a mail it is sending, and how long a publication may stay in flight before
 *                      the job takes it for lost (a crash); above the SMTP timeouts
 * @param firstRetry    the wait before the first retry of a failed publication; it doubles with every attempt
 * @param longestRetry  the longest wait between two retries
 * @param maxAttempts   sending attempts of one mail before it is FAILED for good (staff see it in the mail log)
 * @param batchSize     publications one run of the job resubmits at most
 * @param senders       threads per node that talk to the SMTP server
 * @param queueCapacity mails per node waiting for a sender; past it a mail waits for the retry job instead
 * @param keepCompleted how long completed publications stay in event_publication (the mail log keeps its own rows)
 */
@ConfigurationProperties("billfold.outbox")
record OutboxProperties(String retryCron, Duration lease, Duration firstRetry, Duration longestRetry, int maxAttempts,
                        int batchSize, int senders, int queueCapacity, Duration keepCompleted) {

    OutboxProperties {
        if (lease.isNegative() || lease.isZero() || firstRetry.isNegative() || longestRetry.compareTo(firstRetry) < 0
                || maxAttempts < 1 || batchSize < 1 || senders < 1 || queueCapacity < 1) {
            throw new IllegalArgumentException("billfold.outbox.*: lease, first-retry and longest-retry must be "
                    + "positive and ordered; max-attempts, batch-size, senders and queue-capacity at least 1");
        }
    }

    /** The wait after a publication's {@code attempts}-th failed attempt, doubling up to the longest. */
    Duration retryAfter(int attempts) {
        Duration wait = firstRetry;
        for (int i = 0; i < attempts && wait.compareTo(longestRetry) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(longestRetry) > 0 ? longestRetry : wait;
    }
}
