package dev.billfold.hosting;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Something that happened to the account's renewals, failures included, as the customer is told. */
public record RenewalActivity(Instant at, @Nullable String serviceName, Kind kind, String message) {

    public enum Kind {
        RENEWED, RENEWAL_FAILED, SUSPENDED, ORDER_PLACED, ORDER_COMPLETED, ORDER_FAILED, RESUMED;

        public boolean isFailure() {
            return this == RENEWAL_FAILED || this == ORDER_FAILED || this == SUSPENDED;
        }
    }
}
