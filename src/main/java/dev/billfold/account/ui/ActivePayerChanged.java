package dev.billfold.account.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.shared.Registration;
import dev.billfold.account.PayerSummary;

/**
 * The user chose another payer in the header. Fired on the UI, so that whatever view is open can follow (the top-up
 * form's payer, the history's payer filter) without the header knowing the views.
 */
public class ActivePayerChanged extends ComponentEvent<UI> {

    private final PayerSummary payer;

    ActivePayerChanged(UI ui, PayerSummary payer) {
        super(ui, true);
        this.payer = payer;
    }

    public PayerSummary payer() {
        return payer;
    }

    static void fire(PayerSummary payer) {
        UI ui = UI.getCurrent();
        ComponentUtil.fireEvent(ui, new ActivePayerChanged(ui, payer));
    }

    /** Calls {@code listener} on every switch while {@code owner} is attached. */
    public static void follow(Component owner, SerializableConsumer<PayerSummary> listener) {
        Registration[] registration = new Registration[1];
        owner.addAttachListener(attach -> registration[0] = ComponentUtil.addListener(attach.getUI(),
                ActivePayerChanged.class, event -> listener.accept(event.payer())));
        owner.addDetachListener(detach -> {
            if (registration[0] != null) {
                registration[0].remove();
                registration[0] = null;
            }
        });
    }
}
