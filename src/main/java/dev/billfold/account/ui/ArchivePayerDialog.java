package dev.billfold.account.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import dev.billfold.account.PayerDetails;
import dev.billfold.account.PayerId;
import dev.billfold.base.InvalidRequestException;
import java.io.Serializable;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Confirms archiving; for the default payer it asks which active payer takes over as default. */
class ArchivePayerDialog extends Dialog {

    @FunctionalInterface
    interface ArchiveAction extends Serializable {
        void archive(@Nullable PayerId newDefault);
    }

    ArchivePayerDialog(PayerDetails payer, List<PayerDetails> others, ArchiveAction action, Runnable onArchived) {
        setHeaderTitle("Archive " + payer.legalName() + "?");
        setId("archive-dialog");
        add(new Paragraph("An archived payer can no longer be chosen, and its saved payment methods can no longer be "
                + "charged. Its past payments and invoices stay in the history under its name."));
        Select<PayerDetails> newDefault = new Select<>();
        newDefault.setId("new-default");
        newDefault.setLabel("New default payer");
        newDefault.setItems(others);
        newDefault.setItemLabelGenerator(PayerDetails::displayName);
        newDefault.setVisible(payer.isDefault());
        if (payer.isDefault()) {
            add(new Paragraph(payer.legalName() + " is the default payer. Choose who becomes the default instead."),
                    newDefault);
            if (!others.isEmpty()) {
                newDefault.setValue(others.getFirst());
            }
        }
        var error = new Div();
        error.setId("archive-error");
        error.addClassName("form-error");
        error.setVisible(false);
        add(error);

        var archive = new Button("Archive", e -> {
            try {
                action.archive(newDefault.getValue() == null ? null : newDefault.getValue().id());
            } catch (InvalidRequestException refused) {
                error.setText(refused.getMessage());
                error.setVisible(true);
                return;
            }
            close();
            onArchived.run();
        });
        archive.setId("confirm-archive");
        archive.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        var cancel = new Button("Cancel", e -> close());
        cancel.setId("cancel-archive");
        getFooter().add(cancel, archive);
    }
}
