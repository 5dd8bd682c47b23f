package dev.billfold.hosting;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Something that happened to the account's renewals, failures included, as the customer is told. */
public record RenewalActivity(Instant at, @Nullable String serviceName, Kind kind, String message) {

    public enum Kind {
        RENEWED, RENEWAL_FAILED, SUSPENDED, ORDER_PLACED, ORDER_COMPLETED, ORDER_FAILED, RESUMED,
        /** The guarded auto top-up (DD-105): fired, credited; declined; switched itself off. */
        AUTO_TOP_UP, AUTO_TOP_UP_DECLINED, AUTO_TOP_UP_OFF;

        public boolean isFailure() {
            return this == RENEWAL_FAILED || this == ORDER_FAILED || this == SUSPENDED
                    || this == AUTO_TOP_UP_DECLINED || this == AUTO_TOP_UP_OFF;
        }
    }
}
