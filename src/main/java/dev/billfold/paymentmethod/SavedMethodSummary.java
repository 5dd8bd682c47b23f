package dev.billfold.paymentmethod;

import dev.billfold.account.PayerId;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A saved method as lists and charges need it. The token stays inside the services. */
public record SavedMethodSummary(PaymentMethodId id, PayerId payerId, String provider, String label,
                                 PaymentMethodStatus status, boolean isDefault, @Nullable LocalDate expiresOn) {

    static SavedMethodSummary of(PaymentMethod method) {
        return new SavedMethodSummary(method.id(), method.payerId(), method.provider(), method.label(), method.status(),
                method.isDefault(), method.expiresOn());
    }
}
