package dev.billfold.account.ui;

import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.Setter;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.data.binder.Validator;
import com.vaadin.flow.function.ValueProvider;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import dev.billfold.account.Countries;
import dev.billfold.account.InvalidPayerException;
import dev.billfold.account.PayerDraft;
import dev.billfold.account.PayerType;
import dev.billfold.account.TextLimits;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.ui.Localized;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Add or edit a payer. The rules live in the service; the form binds each field to the message the service gave for
 * it, so the customer sees exactly what the server decided, next to the field it is about.
 */
class PayerDialog extends Dialog implements LocaleChangeObserver {

    /** What saving means: add or update. Throws {@link InvalidRequestException} with the service's messages. */
    @FunctionalInterface
    interface SaveAction extends Serializable {
        void save(PayerDraft draft);
    }

    private final Select<PayerType> type = new Select<>();
    private final TextField legalName = new TextField();
    private final TextField taxId = new TextField();
    private final TextArea address = new TextArea();
    private final ComboBox<String> country = new ComboBox<>();
    private final TextField invoiceEmail = new TextField();
    private final Div formError = new Div();
    private final Binder<Form> binder = new Binder<>();
    /** The service's last verdict, field by field; a field's entry goes when the customer changes that field. */
    private final Map<String, String> serverProblems = new HashMap<>();

    /** {@code titleKey} is the bundle key of the dialog's title, {@code payerName} its argument (if any). */
    PayerDialog(String titleKey, String payerName, PayerDraft initial, SaveAction action, Runnable onSaved) {
        Localized.bind(this, this::setHeaderTitle, titleKey, payerName);
        setId("payer-dialog");
        setWidth("min(40rem, 100vw)");

        Localized.bind(type, type::setLabel, "account.payer.type");
        Localized.bind(legalName, legalName::setLabel, "account.payer.legal-name");
        Localized.bind(address, address::setLabel, "account.payer.address");
        Localized.bind(country, country::setLabel, "account.payer.country");
        Localized.bind(invoiceEmail, invoiceEmail::setLabel, "account.payer.invoice-email");
        type.setId("payer-type");
        type.setItems(PayerType.values());
        labelChoices();
        legalName.setId("legal-name");
        legalName.setMaxLength(TextLimits.LEGAL_NAME);
        taxId.setId("tax-id");
        taxId.setMaxLength(TextLimits.TAX_ID);
        address.setId("address");
        address.setMaxLength(TextLimits.ADDRESS);
        country.setId("country");
        country.setItems(Countries.codes());
        invoiceEmail.setId("invoice-email");
        invoiceEmail.setMaxLength(TextLimits.EMAIL);
        type.addValueChangeListener(e -> describeTaxId());
        country.addValueChangeListener(e -> describeTaxId());

        bind(type, "type", Form::getType, Form::setType);
        bind(legalName, "legalName", Form::getLegalName, Form::setLegalName);
        bind(taxId, "taxId", Form::getTaxId, Form::setTaxId);
        bind(address, "address", Form::getAddress, Form::setAddress);
        bind(country, "country", Form::getCountry, Form::setCountry);
        bind(invoiceEmail, "invoiceEmail", Form::getInvoiceEmail, Form::setInvoiceEmail);
        binder.readBean(Form.of(initial));
        describeTaxId();

        formError.setId("payer-form-error");
        formError.addClassName("form-error");
        formError.setVisible(false);

        var form = new FormLayout(type, legalName, taxId, country, address, invoiceEmail);
        form.setColspan(address, 2);
        add(form, formError);

        var save = Localized.text(new Button(), "account.payer.save");
        save.addClickListener(e -> save(action, onSaved));
        save.setId("save-payer");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var cancel = Localized.text(new Button(), "account.cancel");
        cancel.addClickListener(e -> close());
        cancel.setId("cancel-payer");
        getFooter().add(cancel, save);
    }

    private <V> void bind(HasValue<?, V> field, String name, ValueProvider<Form, V> getter, Setter<Form, V> setter) {
        // Registered before the binding, so the old message is gone before the binder validates the new value.
        field.addValueChangeListener(e -> serverProblems.remove(name));
        binder.forField(field).withValidator(serverSays(name)).bind(getter, setter);
    }

    private <V> Validator<V> serverSays(String name) {
        return (value, context) -> serverProblems.containsKey(name)
                ? ValidationResult.error(serverProblems.get(name)) : ValidationResult.ok();
    }

    private void save(SaveAction action, Runnable onSaved) {
        serverProblems.clear();
        formError.setVisible(false);
        var form = new Form();
        binder.writeBeanIfValid(form);
        try {
            action.save(form.toDraft());
        } catch (InvalidPayerException invalid) {
            serverProblems.putAll(invalid.problems());
            binder.validate();
            return;
        } catch (InvalidRequestException refused) {
            formError.setText(refused.getLocalizedMessage());
            formError.setVisible(true);
            return;
        }
        close();
        onSaved.run();
    }

    /** The choices' names, and the tax id's label, follow the language switcher. */
    @Override
    public void localeChange(LocaleChangeEvent event) {
        labelChoices();
        describeTaxId();
    }

    private void labelChoices() {
        type.setItemLabelGenerator(t -> getTranslation("account.payer-type." + t.name()));
        Locale locale = Localized.localeOf(this);
        country.setItemLabelGenerator(code -> countryName(code, locale) + " (" + code + ")");
    }

    /** The country's name in the reader's language, as the JDK's CLDR data has it. */
    static String countryName(String code, Locale locale) {
        return Locale.of("", code).getDisplayCountry(locale);
    }

    /** The tax id means something else per type, and its format depends on the country. */
    private void describeTaxId() {
        PayerType selected = type.getValue();
        taxId.setLabel(getTranslation(selected == PayerType.COMPANY ? "account.payer.tax-id.company"
                : selected == PayerType.SOLE_PROPRIETOR ? "account.payer.tax-id" : "account.payer.tax-id.optional"));
        taxId.setHelperText(country.getValue() == null ? "" : Countries.taxIdHint(country.getValue()));
    }

    /** The form's own mutable copy; the service gets an immutable {@link PayerDraft}. */
    static final class Form implements Serializable {
        private @Nullable PayerType type;
        private @Nullable String legalName;
        private @Nullable String taxId;
        private @Nullable String address;
        private @Nullable String country;
        private @Nullable String invoiceEmail;

        static Form of(PayerDraft draft) {
            var form = new Form();
            form.type = draft.type();
            form.legalName = draft.legalName();
            form.taxId = draft.taxId();
            form.address = draft.address();
            form.country = draft.country();
            form.invoiceEmail = draft.invoiceEmail();
            return form;
        }

        PayerDraft toDraft() {
            return new PayerDraft(type, legalName, taxId, address, country, invoiceEmail);
        }

        @Nullable PayerType getType() { return type; }
        void setType(@Nullable PayerType type) { this.type = type; }
        @Nullable String getLegalName() { return legalName; }
        void setLegalName(@Nullable String legalName) { this.legalName = legalName; }
        @Nullable String getTaxId() { return taxId; }
        void setTaxId(@Nullable String taxId) { this.taxId = taxId; }
        @Nullable String getAddress() { return address; }
        void setAddress(@Nullable String address) { this.address = address; }
        @Nullable String getCountry() { return country; }
        void setCountry(@Nullable String country) { this.country = country; }
        @Nullable String getInvoiceEmail() { return invoiceEmail; }
        void setInvoiceEmail(@Nullable String invoiceEmail) { this.invoiceEmail = invoiceEmail; }
    }
}
