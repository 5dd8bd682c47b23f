package dev.billfold.paymentmethod;

import dev.billfold.account.PayerId;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A method as the methods page shows it. The token stays inside the services.
 *
 * @param expiringSoon a confirmed card whose expiry falls within the next {@value #EXPIRY_WARNING_DAYS} days
 */
public record MethodListItem(PaymentMethodId id, PayerId payerId, String provider, String providerName, String label,
                             PaymentMethodStatus status, boolean isDefault, @Nullable LocalDate expiresOn,
                             @Nullable String failureReason, Instant createdAt, boolean expiringSoon) {

    static final int EXPIRY_WARNING_DAYS = 30;

    static MethodListItem of(PaymentMethod method, String providerName, LocalDate today) {
        boolean expiringSoon = method.status() == PaymentMethodStatus.CONFIRMED && method.expiresOn() != null
                && !method.expiresOn().isAfter(today.plusDays(EXPIRY_WARNING_DAYS));
        return new MethodListItem(method.id(), method.payerId(), method.provider(), providerName, method.label(),
                method.status(), method.isDefault(), method.expiresOn(), method.failureReason(), method.createdAt(),
                expiringSoon);
    }

    public boolean mayBeDefault() {
        return status == PaymentMethodStatus.CONFIRMED && !isDefault;
    }

    public boolean mayBeRemoved() {
        return status == PaymentMethodStatus.CONFIRMED;
    }
}
