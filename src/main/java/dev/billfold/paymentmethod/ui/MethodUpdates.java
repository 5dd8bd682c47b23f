package dev.billfold.paymentmethod.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.shared.Registration;
import dev.billfold.account.PayerId;
import dev.billfold.paymentmethod.MethodChanges;
import dev.billfold.paymentmethod.PaymentMethodChanged;
import dev.billfold.paymentmethod.PaymentMethodService;
import org.springframework.stereotype.Component;

/**
 * Hands method changes to the open methods pages of the same payer, after the change committed, on whichever node it
 * was made ({@link MethodChanges}). Each page gets the news through {@link UI#access}, which pushes it to the browser.
 */
@Component
public class MethodUpdates {

    private final PaymentMethodService methods;

    MethodUpdates(PaymentMethodService methods) {
        this.methods = methods;
    }

    /**
     * Until the registration is removed, {@code onChange} runs in {@code ui}'s session for every change of the payer's
     * methods. The current user must be a member of the payer's account ({@link PaymentMethodService#listen}).
     */
    public Registration register(UI ui, PayerId payerId, SerializableConsumer<PaymentMethodChanged> onChange) {
        MethodChanges.Subscription subscription = methods.listen(payerId, change -> {
            try {
                ui.access(() -> onChange.accept(change));
            } catch (UIDetachedException closed) {
                // The page was closed; its detach removes the registration.
            }
        });
        return subscription::cancel;
    }
}
