package dev.billfold.paymentmethod;

import java.util.EnumSet;
import java.util.Set;

/** PENDING → CONFIRMED → REMOVED or EXPIRED; PENDING → FAILED. Nothing else (shared/DESIGN.md). */
public enum PaymentMethodStatus {
    PENDING("Pending"),
    CONFIRMED("Confirmed"),
    FAILED("Failed"),
    EXPIRED("Expired"),
    REMOVED("Removed");

    private final String label;

    PaymentMethodStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean canMoveTo(PaymentMethodStatus next) {
        return allowedNext().contains(next);
    }

    private Set<PaymentMethodStatus> allowedNext() {
        return switch (this) {
            case PENDING -> EnumSet.of(CONFIRMED, FAILED);
            case CONFIRMED -> EnumSet.of(REMOVED, EXPIRED);
            case FAILED, EXPIRED, REMOVED -> EnumSet.noneOf(PaymentMethodStatus.class);
        };
    }
}
