package dev.billfold.payment.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.ui.Banner;
import dev.billfold.base.ui.Localized;
import dev.billfold.payment.HeldPayment;
import dev.billfold.payment.HeldPayments;
import dev.billfold.payment.Resolution;
import java.io.Serializable;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Asks how to resolve a held payment, the staff note and the customer's reason. A refusal keeps the dialog open:
 * on its field when the service names one, else in the dialog's banner (already resolved, a currency mismatch).
 */
class ResolveDialog extends Dialog {

    /** Resolves it; an {@link InvalidRequestException} is shown in the dialog and nothing is changed. */
    interface Resolve extends Serializable {
        void resolve(Resolution resolution, String note, String customerReason);
    }

    /** The choices of {@code #resolve-how}; named in the words Finance uses by {@code payment.resolve.how.<NAME>}. */
    enum How {
        CREDIT_RECEIVED,
        CREDIT_OTHER_ACCOUNT,
        RETURNED_TO_SENDER,
        REJECT
    }

    private final Select<How> how = new Select<>();
    private final TextField accountNumber = new TextField();
    private final TextField bankReference = new TextField();
    private final TextArea note = new TextArea();
    private final TextField customerReason = new TextField();
    private final Banner error = new Banner("resolve-error", "ops-banner");

    ResolveDialog(HeldPayment row, Resolve resolve) {
        setId("resolve-dialog");
        setWidth("36rem");
        Localized.bind(this, this::setHeaderTitle, locale -> getTranslation(locale, "payment.resolve.title",
                OpsHeldPaymentsView.amount(this, row), row.accountName()));
        how.setId("resolve-how");
        Localized.bind(how, how::setLabel, "payment.resolve.how");
        // Bound with the label, so that the choices are named again when the language is switched.
        Localized.bind(how, ignored -> how.setItemLabelGenerator(h -> how.getTranslation("payment.resolve.how."
                + h.name())), "payment.resolve.how");
        how.setItems(How.values());
        how.setWidthFull();
        how.addValueChangeListener(e -> shown());
        Localized.bind(accountNumber, accountNumber::setLabel, "payment.resolve.account-number");
        Localized.bind(bankReference, bankReference::setLabel, "payment.resolve.bank-reference");
        Localized.bind(note, note::setLabel, "payment.resolve.note");
        Localized.bind(customerReason, customerReason::setLabel, "payment.resolve.customer-reason");
        accountNumber.setId("resolve-account-number");
        accountNumber.setMaxLength(20);
        bankReference.setId("resolve-bank-reference");
        bankReference.setMaxLength(HeldPayments.BANK_REFERENCE_MAX);
        note.setId("resolve-note");
        note.setWidthFull();
        note.setMaxLength(HeldPayments.NOTE_MAX);
        note.setRequired(true);
        Localized.bind(note, note::setHelperText, "payment.resolve.note-helper");
        customerReason.setId("resolve-customer-reason");
        customerReason.setWidthFull();
        customerReason.setMaxLength(HeldPayments.CUSTOMER_REASON_MAX);
        customerReason.setRequired(true);
        Localized.bind(customerReason, customerReason::setHelperText, "payment.resolve.customer-reason-helper");
        Paragraph reason = new Paragraph();
        Localized.bind(reason, reason::setText, locale -> reason.getTranslation(locale, "payment.resolve.held",
                row.reason())
                + (row.invoiceNumber() == null ? ""
                        : " " + reason.getTranslation(locale, "payment.resolve.invoice", row.invoiceNumber()))
                + (row.remittance() == null ? ""
                        : " " + reason.getTranslation(locale, "payment.resolve.purpose", row.remittance())));
        reason.addClassName("resolve-held-reason");
        add(new VerticalLayout(reason, error, how, accountNumber, bankReference, note, customerReason));
        shown();

        Button confirm = Localized.text(new Button(), "payment.resolve.confirm");
        confirm.addClickListener(e -> confirm(resolve));
        confirm.setId("resolve-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = Localized.text(new Button(), "payment.resolve.cancel");
        cancel.addClickListener(e -> close());
        cancel.setId("resolve-cancel");
        getFooter().add(cancel, confirm);
    }

    private void shown() {
        accountNumber.setVisible(how.getValue() == How.CREDIT_OTHER_ACCOUNT);
        bankReference.setVisible(how.getValue() == How.RETURNED_TO_SENDER);
    }

    private void confirm(Resolve resolve) {
        error.hide();
        List.<HasValidation>of(how, accountNumber, bankReference, note, customerReason)
                .forEach(field -> field.setInvalid(false));
        if (how.getValue() == null) {
            how.setErrorMessage(getTranslation("payment.resolve.choose-how"));
            how.setInvalid(true);
            return;
        }
        Resolution resolution = switch (how.getValue()) {
            case CREDIT_RECEIVED -> new Resolution.CreditReceived();
            case CREDIT_OTHER_ACCOUNT -> new Resolution.CreditOtherAccount(accountNumber.getValue());
            case RETURNED_TO_SENDER -> new Resolution.ReturnedToSender(bankReference.getValue());
            case REJECT -> new Resolution.Reject();
        };
        try {
            resolve.resolve(resolution, note.getValue(), customerReason.getValue());
        } catch (InvalidRequestException refused) {
            @Nullable HasValidation field = switch (refused.field()) {
                case "note" -> note;
                case "customerReason" -> customerReason;
                case "accountNumber" -> accountNumber;
                case "bankReference" -> bankReference;
                default -> null;
            };
            if (field == null) {
                error.show(refused.getLocalizedMessage(), Banner.ERROR);
            } else {
                field.setErrorMessage(refused.getLocalizedMessage());
                field.setInvalid(true);
            }
            return;
        }
        close();
    }
}
