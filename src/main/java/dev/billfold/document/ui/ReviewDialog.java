package dev.billfold.document.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import dev.billfold.base.InvalidRequestException;
import java.io.Serializable;

/**
 * Asks for the decision's note (or the reason the customer reads), then decides. A refused note keeps the dialog
 * open with the message on the field; any other refusal (someone decided first) goes to the page's banner.
 */
class ReviewDialog extends Dialog {

    interface Decision extends Serializable {
        void decide(String text);
    }

    interface Refused extends Serializable {
        void show(InvalidRequestException refused);
    }

    ReviewDialog(String title, String summary, String fieldLabel, String helper, String confirmLabel,
                 boolean destructive, Decision decision, Refused elsewhere) {
        setHeaderTitle(title);
        setId("document-decision");
        setWidth("32rem");
        add(new Paragraph(summary));
        var text = new TextArea(fieldLabel);
        text.setId("document-decision-note");
        text.setWidthFull();
        text.setMaxLength(1000);
        text.setHelperText(helper);
        add(text);
        var confirm = new Button(confirmLabel, e -> {
            try {
                decision.decide(text.getValue());
            } catch (InvalidRequestException refused) {
                if ("note".equals(refused.field()) || "reason".equals(refused.field())) {
                    text.setErrorMessage(refused.getLocalizedMessage());
                    text.setInvalid(true);
                    return;
                }
                close();
                elsewhere.show(refused);
                return;
            }
            close();
        });
        confirm.setId("document-decision-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        if (destructive) {
            confirm.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        var cancel = new Button(getTranslation("document.review.cancel"), e -> close());
        cancel.setId("document-decision-cancel");
        getFooter().add(cancel, confirm);
    }
}
