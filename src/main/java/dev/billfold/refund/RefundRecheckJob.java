package dev.billfold.refund;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Asks again about provider parts whose answer was lost (SENDING) or is not final (PENDING). Each is claimed by a
 * conditional update of its next check first, so that two nodes never ask about the same part in the same cycle;
 * the settlement's row lock makes a webhook racing the job harmless.
 */
@Component
class RefundRecheckJob {

    static final int BATCH = 100;

    private final RefundStore store;
    private final RefundSender sender;
    private final RefundRequestProperties properties;
    private final Clock clock;

    RefundRecheckJob(RefundStore store, RefundSender sender, RefundRequestProperties properties, Clock clock) {
        this.store = store;
        this.sender = sender;
        this.properties = properties;
        this.clock = clock;
    }

    /** One cycle; how many parts it asked about. */
    int run() {
        Instant now = clock.instant();
        List<RefundPartId> due = store.dueForCheck(now, BATCH);
        int asked = 0;
        for (RefundPartId id : due) {
            if (store.claimCheck(id, now, now.plus(properties.recheckAfter())) == 1) {
                sender.check(id);
                asked++;
            }
        }
        return asked;
    }
}
