package dev.billfold.paymentmethod;

import dev.billfold.account.AccountId;
import dev.billfold.account.PayerId;
import dev.billfold.base.IllegalTransitionException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

/** A method saved at a provider for one payer. Holds the provider's token, never card data. */
public record PaymentMethod(
        @Id PaymentMethodId id,
        AccountId accountId,
        PayerId payerId,
        String provider,
        String providerToken,
        String label,
        PaymentMethodStatus status,
        boolean isDefault,
        @Nullable LocalDate expiresOn,
        @Nullable String failureReason,
        Instant createdAt,
        @Nullable Instant checkedAt,
        @Version @Nullable Long version) {

    public PaymentMethod {
        Objects.requireNonNull(id);
        Objects.requireNonNull(payerId);
        Objects.requireNonNull(status);
        if (isDefault && status != PaymentMethodStatus.CONFIRMED) {
            throw new IllegalArgumentException("Only a confirmed method can be the default");
        }
    }

    static PaymentMethod pending(AccountId accountId, PayerId payerId, String provider, String token, String label,
                                 @Nullable LocalDate expiresOn, Instant now) {
        return new PaymentMethod(PaymentMethodId.random(), accountId, payerId, provider, token, label,
                PaymentMethodStatus.PENDING, false, expiresOn, null, now, null, null);
    }

    PaymentMethod confirm(boolean makeDefault, Instant now) {
        requireMove(PaymentMethodStatus.CONFIRMED);
        return new PaymentMethod(id, accountId, payerId, provider, providerToken, label, PaymentMethodStatus.CONFIRMED,
                makeDefault, expiresOn, null, createdAt, now, version);
    }

    public boolean isChargeable() {
        return status == PaymentMethodStatus.CONFIRMED;
    }

    private void requireMove(PaymentMethodStatus next) {
        if (!status.canMoveTo(next)) {
            throw new IllegalTransitionException("Payment method " + id.value(), status, next);
        }
    }

    PaymentMethod withVersion(Long newVersion) {
        return new PaymentMethod(id, accountId, payerId, provider, providerToken, label, status, isDefault, expiresOn,
                failureReason, createdAt, checkedAt, newVersion);
    }
}
