package dev.billfold.paymentmethod.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.function.SerializableRunnable;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.ui.Localized;
import dev.billfold.paymentmethod.PaymentMethodService.RemovalImpact;

/** Confirms a removal, and says when the auto-renewal tops up from this method. */
class RemoveMethodDialog extends Dialog {

    RemoveMethodDialog(RemovalImpact impact, SerializableRunnable remove, SerializableRunnable onRemoved) {
        Localized.bind(this, this::setHeaderTitle, "paymentmethod.remove.title", impact.label());
        setId("remove-dialog");
        add(Localized.text(new Paragraph(), "paymentmethod.remove.explanation"));
        if (impact.isDefault()) {
            var noDefault = Localized.text(new Paragraph(), "paymentmethod.remove.default-note");
            noDefault.setId("remove-default-note");
            add(noDefault);
        }
        if (impact.affectsAutoRenewal()) {
            var warning = Localized.text(new Paragraph(), "paymentmethod.remove.auto-renewal",
                    impact.autoRenewingServices());
            warning.setId("remove-auto-renewal-warning");
            warning.addClassName("form-error");
            add(warning);
        }
        var error = new Div();
        error.setId("remove-error");
        error.addClassName("form-error");
        error.setVisible(false);
        add(error);

        var confirm = Localized.text(new Button(), "paymentmethod.remove.confirm");
        confirm.addClickListener(e -> {
            try {
                remove.run();
            } catch (InvalidRequestException refused) {
                error.setText(refused.getLocalizedMessage());
                error.setVisible(true);
                return;
            }
            close();
            onRemoved.run();
        });
        confirm.setId("confirm-remove");
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        var cancel = Localized.text(new Button(), "paymentmethod.remove.cancel");
        cancel.addClickListener(e -> close());
        cancel.setId("cancel-remove");
        getFooter().add(cancel, confirm);
    }
}
