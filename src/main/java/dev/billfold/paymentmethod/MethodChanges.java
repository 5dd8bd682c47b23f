package dev.billfold.paymentmethod;

import dev.billfold.account.PayerId;
import dev.billfold.base.InternalCall;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells listeners (the open methods pages) about every committed change of their payer's methods, wherever it was
 * made (DD-040). A change made on this node is handed over right after its commit. Every change is also written to
 * payment_method_change in its own transaction, and each node with listeners reads the changes of the other nodes
 * from there every {@code billfold.live-updates.interval} ({@link #relayFromOtherNodes}).
 */
@Component
public class MethodChanges {

    private static final Logger log = LoggerFactory.getLogger(MethodChanges.class);

    /**
     * How far back each look reaches past the previous one. A row is stamped when its transaction starts writing and
     * becomes visible at the commit; a change whose transaction took longer than this is not relayed.
     */
    static final Duration OVERLAP = Duration.ofMinutes(1);
    /** How long rows are kept; any node deletes older ones now and then. */
    static final Duration KEEP = Duration.ofHours(1);
    private static final Duration PRUNE_EVERY = Duration.ofMinutes(5);

    /** This node, so that it skips its own rows: their listeners were told after the commit already. */
    private final UUID node = UUID.randomUUID();
    private final Map<PayerId, Set<Listener>> listeners = new ConcurrentHashMap<>();
    private final MethodChangeFeed feed;

    // The relay's own state, only touched under this object's lock.
    private @Nullable Instant lastRead;
    private final Map<Long, Instant> relayed = new HashMap<>();
    private long prunedAt = System.nanoTime() - PRUNE_EVERY.toNanos();

    MethodChanges(MethodChangeFeed feed) {
        this.feed = feed;
    }

    /**
     * Until cancelled, {@code listener} hears of every change of the payer's methods, on whichever node it was made.
     * No access check: pages listen through {@link PaymentMethodService#listen}, which checks the payer first.
     */
    @InternalCall("the registry behind PaymentMethodService.listen, which checks the payer before it subscribes")
    public Subscription subscribe(PayerId payerId, Consumer<PaymentMethodChanged> listener) {
        Listener entry = new Listener(listener);
        listeners.computeIfAbsent(payerId, id -> ConcurrentHashMap.newKeySet()).add(entry);
        return () -> listeners.computeIfPresent(payerId, (id, set) -> {
            set.remove(entry);
            return set.isEmpty() ? null : set;
        });
    }

    /** Inside the changing transaction, so the row commits (or rolls back) with the change. */
    @EventListener
    void record(PaymentMethodChanged change) {
        feed.record(change, node);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void committedHere(PaymentMethodChanged change) {
        deliver(change);
    }

    /**
     * One look at the changes other nodes committed since the last look (with {@link #OVERLAP}), each handed to this
     * node's listeners once. Does not touch the database while nobody listens, except to delete old rows now and then.
     * Returns how many changes were handed over.
     */
    public synchronized int relayFromOtherNodes() {
        if (System.nanoTime() - prunedAt >= PRUNE_EVERY.toNanos()) {
            prunedAt = System.nanoTime();
            feed.deleteBefore(feed.now().minus(KEEP));
        }
        if (listeners.isEmpty()) {
            lastRead = null;
            relayed.clear();
            return 0;
        }
        Instant now = feed.now();
        // A page that just opened may have missed a change that committed while it loaded: the first look reaches back
        // too.
        Instant from = (lastRead == null ? now : lastRead).minus(OVERLAP);
        List<MethodChangeFeed.Entry> entries = feed.madeElsewhereAfter(from, node);
        int handed = 0;
        for (MethodChangeFeed.Entry entry : entries) {
            if (relayed.putIfAbsent(entry.id(), entry.changedAt()) == null) {
                deliver(entry.change());
                handed++;
            }
        }
        relayed.values().removeIf(at -> !at.isAfter(from));
        lastRead = now;
        return handed;
    }

    private void deliver(PaymentMethodChanged change) {
        for (Listener listener : listeners.getOrDefault(change.payerId(), Set.of())) {
            try {
                listener.onChange().accept(change);
            } catch (RuntimeException failed) {
                log.warn("A listener of payer {} failed on a method change", change.payerId().value(), failed);
            }
        }
    }

    /** Ends a {@link #subscribe} registration. */
    @FunctionalInterface
    public interface Subscription {
        void cancel();
    }

    // A class of its own (not the lambda) so that two subscriptions of the same lambda stay two entries in the set.
    private static final class Listener {
        private final Consumer<PaymentMethodChanged> onChange;

        Listener(Consumer<PaymentMethodChanged> onChange) {
            this.onChange = onChange;
        }

        Consumer<PaymentMethodChanged> onChange() {
            return onChange;
        }
    }
}
