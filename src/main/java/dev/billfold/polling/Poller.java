package dev.billfold.polling;

import java.util.Map;

/**
 * One background check that a feature runs every poller interval, next to the package-private store it claims rows
 * from. {@link PollingTrigger} runs every poller in turn; a poller claims its own rows, so several nodes can run it.
 */
public interface Poller {

    /**
     * Works through what is due now; a row that is not finished stays claimable for the next cycle. Returns how many
     * rows each provider lane handled, for tests and benchmarks.
     */
    Map<String, Integer> runCycle();

    /** What the log names when a cycle fails, e.g. "Payment reconciliation". */
    String description();
}
