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

    /** The choices of {@code #resolve-how}, in the words Finance uses. */
    enum How {
        CREDIT_RECEIVED("Credit what was received to the invoice's account"),
        CREDIT_OTHER_ACCOUNT("Credit another account"),
        RETURNED_TO_SENDER("Returned to the sender"),
        REJECT("Reject");

        private final String label;

        How(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    private final Select<How> how = new Select<>();
    private final TextField accountNumber = new TextField("Account number to credit");
    private final TextField bankReference = new TextField("Bank reference of the return");
    private final TextArea note = new TextArea("Note (staff only)");
    private final TextField customerReason = new TextField("Reason the customer sees");
    private final Banner error = new Banner("resolve-error", "ops-banner");

    ResolveDialog(HeldPayment row, Resolve resolve) {
        setId("resolve-dialog");
        setWidth("36rem");
        setHeaderTitle("Resolve " + OpsHeldPaymentsView.amount(row) + " for " + row.accountName());
        how.setId("resolve-how");
        how.setLabel("Resolution");
        how.setItems(How.values());
        how.setItemLabelGenerator(How::label);
        how.setWidthFull();
        how.addValueChangeListener(e -> shown());
        accountNumber.setId("resolve-account-number");
        accountNumber.setMaxLength(20);
        bankReference.setId("resolve-bank-reference");
        bankReference.setMaxLength(HeldPayments.BANK_REFERENCE_MAX);
        note.setId("resolve-note");
        note.setWidthFull();
        note.setMaxLength(HeldPayments.NOTE_MAX);
        note.setRequired(true);
        note.setHelperText("Why, for the other staff and the audit trail.");
        customerReason.setId("resolve-customer-reason");
        customerReason.setWidthFull();
        customerReason.setMaxLength(HeldPayments.CUSTOMER_REASON_MAX);
        customerReason.setRequired(true);
        customerReason.setHelperText("A short, plain sentence; shown with the payment in the customer's history.");
        Paragraph reason = new Paragraph("Held: " + row.reason()
                + (row.invoiceNumber() == null ? "" : " Invoice " + row.invoiceNumber() + ".")
                + (row.remittance() == null ? "" : " Purpose: " + row.remittance()));
        reason.addClassName("resolve-held-reason");
        add(new VerticalLayout(reason, error, how, accountNumber, bankReference, note, customerReason));
        shown();

        Button confirm = new Button("Resolve", e -> confirm(resolve));
        confirm.setId("resolve-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", e -> close());
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
            how.setErrorMessage("Choose how to resolve it.");
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
                error.show(refused.getMessage(), Banner.ERROR);
            } else {
                field.setErrorMessage(refused.getMessage());
                field.setInvalid(true);
            }
            return;
        }
        close();
    }
}
