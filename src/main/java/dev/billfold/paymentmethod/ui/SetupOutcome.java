package dev.billfold.paymentmethod.ui;

import dev.billfold.paymentmethod.PaymentMethodService.SetupStatus;
import java.io.Serializable;
import org.jspecify.annotations.Nullable;

/** What the setup return hands to the methods page for its banner: the checked method, or why there is none. */
record SetupOutcome(@Nullable SetupStatus status, @Nullable String error) implements Serializable {

    static SetupOutcome of(SetupStatus status) {
        return new SetupOutcome(status, null);
    }

    static SetupOutcome error(String message) {
        return new SetupOutcome(null, message);
    }
}
