package dev.billfold.paymentmethod.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.shared.Registration;
import dev.billfold.account.PayerId;
import dev.billfold.paymentmethod.PaymentMethodChanged;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Hands method changes to the open methods pages of the same payer on this node, after the change committed. Each
 * page gets the news through {@link UI#access}, which pushes it to the browser.
 */
@Component
public class MethodUpdates {

    private final Map<PayerId, Set<Listener>> listeners = new ConcurrentHashMap<>();

    /** Until the registration is removed, {@code onChange} runs in {@code ui}'s session for every change of the payer's methods. */
    public Registration register(UI ui, PayerId payerId, SerializableConsumer<PaymentMethodChanged> onChange) {
        Listener listener = new Listener(ui, onChange);
        listeners.computeIfAbsent(payerId, id -> ConcurrentHashMap.newKeySet()).add(listener);
        return () -> listeners.computeIfPresent(payerId, (id, set) -> {
            set.remove(listener);
            return set.isEmpty() ? null : set;
        });
    }

    @TransactionalEventListener(fallbackExecution = true)
    void changed(PaymentMethodChanged change) {
        for (Listener listener : listeners.getOrDefault(change.payerId(), Set.of())) {
            try {
                listener.ui().access(() -> listener.onChange().accept(change));
            } catch (UIDetachedException closed) {
                // The page was closed; its detach removes the registration.
            }
        }
    }

    private record Listener(UI ui, SerializableConsumer<PaymentMethodChanged> onChange) {
    }
}
