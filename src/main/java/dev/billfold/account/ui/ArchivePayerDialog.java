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
import dev.billfold.base.ui.Localized;
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
        Localized.bind(this, this::setHeaderTitle, "account.archive.title", payer.legalName());
        setId("archive-dialog");
        add(Localized.text(new Paragraph(), "account.archive.explanation"));
        Select<PayerDetails> newDefault = new Select<>();
        newDefault.setId("new-default");
        Localized.bind(newDefault, newDefault::setLabel, "account.archive.new-default");
        newDefault.setItems(others);
        newDefault.setItemLabelGenerator(PayerDetails::displayName);
        newDefault.setVisible(payer.isDefault());
        if (payer.isDefault()) {
            add(Localized.text(new Paragraph(), "account.archive.default-note", payer.legalName()), newDefault);
            if (!others.isEmpty()) {
                newDefault.setValue(others.getFirst());
            }
        }
        var error = new Div();
        error.setId("archive-error");
        error.addClassName("form-error");
        error.setVisible(false);
        add(error);

        var archive = Localized.text(new Button(), "account.archive.confirm");
        archive.addClickListener(e -> {
            try {
                action.archive(newDefault.getValue() == null ? null : newDefault.getValue().id());
            } catch (InvalidRequestException refused) {
                error.setText(refused.getLocalizedMessage());
                error.setVisible(true);
                return;
            }
            close();
            onArchived.run();
        });
        archive.setId("confirm-archive");
        archive.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        var cancel = Localized.text(new Button(), "account.cancel");
        cancel.addClickListener(e -> close());
        cancel.setId("cancel-archive");
        getFooter().add(cancel, archive);
    }
}
