package dev.billfold.hosting;

import java.util.EnumSet;
import java.util.Set;

/**
 * A service's stored state. "Expiring soon" is not stored: it is an active service whose paid time ends within a
 * few days, shown as such.
 */
public enum HostedServiceStatus {
    ACTIVE("Active"),
    SUSPENDED("Suspended"),
    AWAITING_PAYMENT("Awaiting first payment"),
    /** Ended by the provider for good (through the API): never renewed, not shown to the customer. */
    TERMINATED("Terminated");

    private final String label;

    HostedServiceStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean canMoveTo(HostedServiceStatus next) {
        return allowedNext().contains(next);
    }

    private Set<HostedServiceStatus> allowedNext() {
        return switch (this) {
            case AWAITING_PAYMENT -> EnumSet.of(ACTIVE, TERMINATED);
            case ACTIVE -> EnumSet.of(ACTIVE, SUSPENDED, TERMINATED);
            case SUSPENDED -> EnumSet.of(ACTIVE, TERMINATED);
            case TERMINATED -> EnumSet.noneOf(HostedServiceStatus.class);
        };
    }
}
