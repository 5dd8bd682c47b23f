package dev.billfold.paymentmethod.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.function.SerializableRunnable;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.paymentmethod.PaymentMethodService.RemovalImpact;

/** Confirms a removal, and says when the auto-renewal tops up from this method. */
class RemoveMethodDialog extends Dialog {

    RemoveMethodDialog(RemovalImpact impact, SerializableRunnable remove, SerializableRunnable onRemoved) {
        setHeaderTitle("Remove " + impact.label() + "?");
        setId("remove-dialog");
        add(new Paragraph("The method is removed at the payment provider too and can no longer be charged. Past "
                + "payments keep showing it."));
        if (impact.isDefault()) {
            var noDefault = new Paragraph("It is the payer's default method; after removing it the payer has no "
                    + "default until you choose one.");
            noDefault.setId("remove-default-note");
            add(noDefault);
        }
        if (impact.affectsAutoRenewal()) {
            int n = impact.autoRenewingServices();
            var warning = new Paragraph(("Auto-renewal tops up from this method: %d %s automatically. After removing "
                    + "it, their renewals can only be paid from the balance.")
                    .formatted(n, n == 1 ? "service renews" : "services renew"));
            warning.setId("remove-auto-renewal-warning");
            warning.addClassName("form-error");
            add(warning);
        }
        var error = new Div();
        error.setId("remove-error");
        error.addClassName("form-error");
        error.setVisible(false);
        add(error);

        var confirm = new Button("Remove", e -> {
            try {
                remove.run();
            } catch (InvalidRequestException refused) {
                error.setText(refused.getMessage());
                error.setVisible(true);
                return;
            }
            close();
            onRemoved.run();
        });
        confirm.setId("confirm-remove");
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        var cancel = new Button("Cancel", e -> close());
        cancel.setId("cancel-remove");
        getFooter().add(cancel, confirm);
    }
}
