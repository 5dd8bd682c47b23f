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

/**
 * A method saved at a provider for one payer. Holds the provider's token, never card data. A method being added
 * without a payment has no token yet, only the provider's reference for its setup page ({@code setupReference}). A card
 * keeps the country that issued it when the provider named one ({@code cardCountry}, DD-090).
 */
public record PaymentMethod(
        @Id PaymentMethodId id,
        AccountId accountId,
        PayerId payerId,
        String provider,
        @Nullable String providerToken,
        String label,
        PaymentMethodStatus status,
        boolean isDefault,
        @Nullable LocalDate expiresOn,
        @Nullable String failureReason,
        Instant createdAt,
        @Nullable Instant checkedAt,
        @Nullable String setupReference,
        @Nullable String cardCountry,
        @Nullable String fingerprint,
        @Version @Nullable Long version) {

    /** What a method being added shows until the provider confirms it. */
    static final String PENDING_LABEL = "New card (waiting for confirmation)";

    public PaymentMethod {
        Objects.requireNonNull(id);
        Objects.requireNonNull(payerId);
        Objects.requireNonNull(status);
        if (isDefault && status != PaymentMethodStatus.CONFIRMED) {
            throw new IllegalArgumentException("Only a confirmed method can be the default");
        }
        if (status == PaymentMethodStatus.CONFIRMED && providerToken == null) {
            throw new IllegalArgumentException("A confirmed method needs the provider's token");
        }
    }

    static PaymentMethod pending(AccountId accountId, PayerId payerId, String provider, String token, String label,
                                 @Nullable LocalDate expiresOn, @Nullable String issuedIn,
                                 @Nullable String fingerprint, Instant now) {
        return new PaymentMethod(PaymentMethodId.random(), accountId, payerId, provider, token, label,
                PaymentMethodStatus.PENDING, false, expiresOn, null, now, null, null, issuedIn, fingerprint, null);
    }

    /** A method the customer is about to add on the provider's page; its token comes with the confirmation. */
    static PaymentMethod pendingSetup(AccountId accountId, PayerId payerId, String provider, Instant now) {
        return new PaymentMethod(PaymentMethodId.random(), accountId, payerId, provider, null, PENDING_LABEL,
                PaymentMethodStatus.PENDING, false, null, null, now, null, null, null, null, null);
    }

    PaymentMethod confirm(boolean makeDefault, Instant now) {
        requireMove(PaymentMethodStatus.CONFIRMED);
        return new PaymentMethod(id, accountId, payerId, provider, providerToken, label, PaymentMethodStatus.CONFIRMED,
                makeDefault, expiresOn, null, createdAt, now, setupReference, cardCountry, fingerprint, version);
    }

    /** The provider saved the method of a setup: it gets its token and label now. */
    PaymentMethod confirmSetup(String token, String newLabel, @Nullable LocalDate expires, boolean makeDefault,
                               @Nullable String issuedIn, @Nullable String cardFingerprint, Instant now) {
        requireMove(PaymentMethodStatus.CONFIRMED);
        return new PaymentMethod(id, accountId, payerId, provider, token, newLabel, PaymentMethodStatus.CONFIRMED,
                makeDefault, expires, null, createdAt, now, setupReference, issuedIn, cardFingerprint, version);
    }

    /**
     * The same card saved again with a later expiry: this entry stays (its default, its history) and takes the newer
     * token, label and expiry; the older token goes with the duplicate, to be detached.
     */
    PaymentMethod renewedBy(String token, String newLabel, @Nullable LocalDate expires, Instant now) {
        if (status != PaymentMethodStatus.CONFIRMED) {
            throw new IllegalStateException("Only a confirmed method is renewed by a newer copy of its card");
        }
        return new PaymentMethod(id, accountId, payerId, provider, token, newLabel, status, isDefault, expires,
                null, createdAt, now, setupReference, cardCountry, fingerprint, version);
    }

    /**
     * A setup that saved a card already on file (DD-100): FAILED with the reason and the card's fingerprint, which
     * keeps it off the methods list, holding the token the provider should no longer keep until it is detached there,
     * like a refused card.
     */
    PaymentMethod duplicate(String tokenToDetach, String cardFingerprint, String reason, Instant now) {
        requireMove(PaymentMethodStatus.FAILED);
        return new PaymentMethod(id, accountId, payerId, provider, tokenToDetach, label, PaymentMethodStatus.FAILED,
                false, expiresOn, reason, createdAt, now, setupReference, cardCountry, cardFingerprint, version);
    }

    /**
     * A card the provider saved although it was issued in a refused country (DD-090): FAILED with the reason, and still
     * holding its token until it is detached at the provider ({@link #detached}).
     */
    PaymentMethod refuseCard(String token, String reason, String issuedIn, Instant now) {
        requireMove(PaymentMethodStatus.FAILED);
        return new PaymentMethod(id, accountId, payerId, provider, token, label, PaymentMethodStatus.FAILED,
                false, expiresOn, reason, createdAt, now, setupReference, issuedIn, fingerprint, version);
    }

    PaymentMethod fail(String reason, Instant now) {
        requireMove(PaymentMethodStatus.FAILED);
        return new PaymentMethod(id, accountId, payerId, provider, providerToken, label, PaymentMethodStatus.FAILED,
                false, expiresOn, reason, createdAt, now, setupReference, cardCountry, fingerprint, version);
    }

    /** Removed by the customer (and detached at the provider): never charged again, never the default. */
    PaymentMethod remove(Instant now) {
        requireMove(PaymentMethodStatus.REMOVED);
        return new PaymentMethod(id, accountId, payerId, provider, providerToken, label, PaymentMethodStatus.REMOVED,
                false, expiresOn, null, createdAt, now, setupReference, cardCountry, fingerprint, version);
    }

    /** The card's expiry month has passed. */
    PaymentMethod expire(Instant now) {
        requireMove(PaymentMethodStatus.EXPIRED);
        return new PaymentMethod(id, accountId, payerId, provider, providerToken, label, PaymentMethodStatus.EXPIRED,
                false, expiresOn, null, createdAt, now, setupReference, cardCountry, fingerprint, version);
    }

    /** Only a confirmed method can be the payer's default; the constructor enforces it. */
    PaymentMethod withDefault(boolean makeDefault) {
        return new PaymentMethod(id, accountId, payerId, provider, providerToken, label, status, makeDefault, expiresOn,
                failureReason, createdAt, checkedAt, setupReference, cardCountry, fingerprint, version);
    }

    PaymentMethod withSetupReference(String reference) {
        if (status != PaymentMethodStatus.PENDING) {
            throw new IllegalStateException("Only a pending method gets a setup reference");
        }
        return new PaymentMethod(id, accountId, payerId, provider, providerToken, label, status, isDefault, expiresOn,
                failureReason, createdAt, checkedAt, reference, cardCountry, fingerprint, version);
    }

    PaymentMethod checked(Instant now) {
        return new PaymentMethod(id, accountId, payerId, provider, providerToken, label, status, isDefault, expiresOn,
                failureReason, createdAt, now, setupReference, cardCountry, fingerprint, version);
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
                failureReason, createdAt, checkedAt, setupReference, cardCountry, fingerprint, newVersion);
    }
}
