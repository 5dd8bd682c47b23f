package dev.billfold.gateway.paypal;

import java.util.concurrent.Semaphore;

/**
 * At most {@code limit} calls of one kind in flight on this node. A caller that finds no room is turned away at once,
 * never queued, so a flood holds at most {@code limit} request threads and as many calls to the provider. It bounds
 * concurrency on one node only; a cluster-wide call rate is a separate piece that sits beside it (issue 14, item 6).
 */
final class InFlightBound {

    private final int limit;
    private final Semaphore permits;

    InFlightBound(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("An in-flight bound needs room for at least one call, not " + limit);
        }
        this.limit = limit;
        this.permits = new Semaphore(limit);
    }

    /** True, and one place taken, when there is room; the caller must {@link #leave()} when its call is over. */
    boolean tryEnter() {
        return permits.tryAcquire();
    }

    void leave() {
        permits.release();
    }

    int limit() {
        return limit;
    }

    int inFlight() {
        return limit - permits.availablePermits();
    }
}
