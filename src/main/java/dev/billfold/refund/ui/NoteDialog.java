package dev.billfold.refund.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.billfold.base.InvalidRequestException;
import java.io.Serializable;
import org.jspecify.annotations.Nullable;

/**
 * Asks for a staff member's text (a decision's note, a payout's bank reference, an operator refund's amount and note)
 * and then acts; a refusal about one of the fields keeps the dialog open with the message on that field.
 */
class NoteDialog extends Dialog {

    /** Acts on what was typed; an {@link InvalidRequestException} about a field is shown on it. */
    interface Action extends Serializable {
        void act(@Nullable String amount, String note);
    }

    NoteDialog(String id, String title, String summary, @Nullable String amountValue, String noteLabel,
               String noteHelp, String confirmLabel, boolean danger, Action action) {
        setHeaderTitle(title);
        setId(id);
        setWidth("32rem");
        add(new Paragraph(summary));
        TextField amount = null;
        if (amountValue != null) {
            amount = new TextField(getTranslation("refund.dialog.amount"));
            amount.setId(id + "-amount");
            amount.setValue(amountValue);
            add(amount);
        }
        var note = new TextArea(noteLabel);
        note.setId(id + "-note");
        note.setWidthFull();
        note.setMaxLength(500);
        note.setHelperText(noteHelp);
        add(note);
        TextField amountField = amount;
        var confirm = new Button(confirmLabel, e -> {
            try {
                action.act(amountField == null ? null : amountField.getValue(), note.getValue());
            } catch (InvalidRequestException refused) {
                if ("amount".equals(refused.field()) && amountField != null) {
                    amountField.setErrorMessage(refused.getLocalizedMessage());
                    amountField.setInvalid(true);
                } else {
                    note.setErrorMessage(refused.getLocalizedMessage());
                    note.setInvalid(true);
                }
                return;
            }
            close();
        });
        confirm.setId(id + "-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        if (danger) {
            confirm.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        var cancel = new Button(getTranslation("refund.dialog.cancel"), e -> close());
        cancel.setId(id + "-cancel");
        getFooter().add(cancel, confirm);
    }
}
