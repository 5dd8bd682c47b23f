package dev.billfold.account.ui;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.shared.Registration;
import dev.billfold.account.PayerId;
import dev.billfold.account.PayerService;
import dev.billfold.account.PayerSummary;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.ui.LightSelect;
import dev.billfold.base.ui.Localized;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The header's "who pays" choice. The choice is stored per user and account, so it survives a new sign-in. Drawn by
 * the browser (DD-103): the header is in every session, and a Flow select keeps a state node per payer.
 */
public final class PayerSwitcher extends Composite<LightSelect<PayerSummary>> {

    private final PayerService payers;
    private final LightSelect<PayerSummary> select;
    private @Nullable PayerId shown;

    public PayerSwitcher(PayerService payers) {
        this.payers = payers;
        // The select is the header's element itself, with a native title rather than a tooltip element: each element
        // in the frame is held by every open session (DD-044).
        select = getContent();
        select.addClassName("payer-switcher");
        select.setId("active-payer");
        Localized.bind(select, select::setAriaLabel, "account.payer-switcher.label");
        Localized.bind(select, title -> select.getElement().setAttribute("title", title),
                "account.payer-switcher.title");
        PayerLabels.follow(select, select::setItemLabelGenerator);
        select.addValueChangeListener(event -> {
            PayerSummary chosen = event.getValue();
            if (chosen != null && !chosen.id().equals(shown)) {
                try {
                    PayerSummary switched = payers.switchTo(chosen.id());
                    shown = switched.id();
                    ActivePayerChanged.fire(switched);
                } catch (InvalidRequestException refused) {
                    // Archived by another owner since this page loaded: say so and show what is true now.
                    Notification.show(refused.getLocalizedMessage(), 6000, Notification.Position.TOP_CENTER)
                            .addThemeVariants(NotificationVariant.LUMO_ERROR);
                    reload();
                }
            }
        });
        reload();
        Registration[] registration = new Registration[1];
        addAttachListener(attach -> registration[0] = ComponentUtil.addListener(attach.getUI(), PayersChanged.class,
                changed -> reload()));
        addDetachListener(detach -> registration[0].remove());
    }

    /** Reads the choices and the active payer again; a payer archived meanwhile falls back to the default. */
    private void reload() {
        List<PayerSummary> choices = payers.choosable();
        PayerSummary active = payers.active().orElse(null);
        shown = active == null ? null : active.id();
        select.setItems(choices);
        if (active != null) {
            choices.stream().filter(p -> p.id().equals(active.id())).findFirst().ifPresent(select::setValue);
        }
        setVisible(!choices.isEmpty());
    }
}
