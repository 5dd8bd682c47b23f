package dev.billfold.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.events.core.Staleness;
import org.springframework.stereotype.Component;

/**
 * Modulith keeps a publication whose listener failed, but never tries it again by itself. This job does, on every
 * node, and safely so on two: a publication is taken by a conditional update (Modulith's {@code markResubmitted}: not
 * RESUBMITTED already), and the mail behind it is claimed once more before anything is sent (DD-066).
 * <ol>
 *   <li>A publication still PUBLISHED, PROCESSING or RESUBMITTED a lease after it was published was lost with its
 *       node (a crash, a restart, a full send queue): it is marked FAILED.</li>
 *   <li>FAILED publications are resubmitted, oldest first, each once its wait has passed: the first retry after
 *       {@code first-retry}, then twice as long each time, at most {@code longest-retry}.</li>
 *   <li>Completed publications older than {@code keep-completed} are deleted; the mail log keeps the story.</li>
 * </ol>
 */
@Component
class OutboxRetryJob {

    private final EventPublicationRegistry registry;
    private final FailedEventPublications failed;
    private final OutboxProperties properties;
    private final Clock clock;

    OutboxRetryJob(EventPublicationRegistry registry, FailedEventPublications failed, OutboxProperties properties,
                   Clock clock) {
        this.registry = registry;
        this.failed = failed;
        this.properties = properties;
        this.clock = clock;
    }

    void runOnce() {
        Staleness lost = status -> properties.lease();
        registry.markStalePublicationsFailed(lost);
        Instant now = clock.instant();
        failed.resubmit(ResubmissionOptions.defaults()
                .withBatchSize(properties.batchSize())
                .withFilter(publication -> due(publication, now)));
        registry.deleteCompletedPublicationsOlderThan(properties.keepCompleted());
    }

    private boolean due(EventPublication publication, Instant now) {
        Instant last = publication.getLastResubmissionDate() == null ? publication.getPublicationDate()
                : publication.getLastResubmissionDate();
        Duration wait = properties.retryAfter(publication.getCompletionAttempts());
        return !last.plus(wait).isAfter(now);
    }
}
