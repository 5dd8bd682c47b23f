package dev.billfold.account.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;

/** A payer was added, edited, archived or made default: the header's switcher reloads its choices. */
class PayersChanged extends ComponentEvent<UI> {

    PayersChanged(UI ui) {
        super(ui, true);
    }

    static void fire() {
        UI ui = UI.getCurrent();
        ComponentUtil.fireEvent(ui, new PayersChanged(ui));
    }
}
