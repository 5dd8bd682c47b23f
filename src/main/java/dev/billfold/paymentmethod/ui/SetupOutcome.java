package dev.billfold.paymentmethod.ui;

import dev.billfold.paymentmethod.PaymentMethodService.SetupStatus;
import java.io.Serializable;
import org.jspecify.annotations.Nullable;

/**
 * What the setup return hands to the methods page for its banner: the checked method, or why there is none (a bundle
 * key, worded by the page in its language).
 */
record SetupOutcome(@Nullable SetupStatus status, @Nullable String errorKey) implements Serializable {

    static SetupOutcome of(SetupStatus status) {
        return new SetupOutcome(status, null);
    }

    static SetupOutcome error(String key) {
        return new SetupOutcome(null, key);
    }
}
