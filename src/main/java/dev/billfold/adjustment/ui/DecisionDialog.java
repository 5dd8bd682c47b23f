package dev.billfold.adjustment.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import dev.billfold.adjustment.AdjustmentService;
import dev.billfold.base.InvalidRequestException;
import java.io.Serializable;

/** Asks for the decision's note, then approves or declines; a refused note keeps the dialog open with the message. */
class DecisionDialog extends Dialog {

    /** Makes the decision; an {@link InvalidRequestException} about the note is shown on the note. */
    interface Decision extends Serializable {
        void decide(String note);
    }

    DecisionDialog(String title, String summary, String confirmLabel, boolean approve, Decision decision) {
        setHeaderTitle(title);
        setId("adjustment-decision");
        setWidth("32rem");
        add(new Paragraph(summary));
        var note = new TextArea(getTranslation("adjustment.decision.note"));
        note.setId("adjustment-decision-note");
        note.setWidthFull();
        note.setMaxLength(AdjustmentService.NOTE_MAX);
        note.setHelperText(getTranslation(approve ? "adjustment.decision.approve.helper"
                : "adjustment.decision.decline.helper"));
        add(note);
        var confirm = new Button(confirmLabel, e -> {
            try {
                decision.decide(note.getValue());
            } catch (InvalidRequestException refused) {
                note.setErrorMessage(refused.getLocalizedMessage());
                note.setInvalid(true);
                return;
            }
            close();
        });
        confirm.setId("adjustment-decision-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        if (!approve) {
            confirm.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        var cancel = new Button(getTranslation("adjustment.decision.cancel"), e -> close());
        cancel.setId("adjustment-decision-cancel");
        getFooter().add(cancel, confirm);
    }
}
