package dev.billfold.payment.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import dev.billfold.account.PayerService;
import dev.billfold.account.PayerSummary;
import dev.billfold.account.ui.ActivePayerChanged;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.Money;
import dev.billfold.base.ui.Markup;
import dev.billfold.ledger.Ledger;
import dev.billfold.payment.MethodChoice;
import dev.billfold.payment.MethodOption;
import dev.billfold.payment.TopUpOutcome;
import dev.billfold.payment.TopUpRequest;
import dev.billfold.payment.TopUpService;
import dev.billfold.ui.PageTabs;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The main page: the balance, an amount, who pays and how. */
@Route(PageTabs.TOP_UP)
@PageTitle("Top up · Billfold")
@Menu(order = 1, title = "Top up", icon = "vaadin:wallet")
@PermitAll
class TopUpView extends Div {

    /** Client-side: whether a click landed on a preset button, and that button's amount. */
    static final String PRESET_CLICKED = "event.target.closest('[data-amount]') != null";
    static final String PRESET_AMOUNT = "event.target.closest('[data-amount]')?.dataset.amount";

    private final TopUpService topUps;
    private final Ledger ledger;
    private final TopUpService.TopUpForm form;

    private final Span balance = new Span();
    private final TextField amount = new TextField("Amount");
    private final Select<PayerSummary> payer = new Select<>();
    private final RadioButtonGroup<MethodOption> method = new RadioButtonGroup<>("Pay with");
    /** Why a method the country offers others is missing for this payer (DD-091). */
    private final Paragraph methodNote = new Paragraph();
    private final Checkbox saveMethod = new Checkbox("Save this payment method for future payments");
    private final TextField phone = new TextField("M-Pesa phone number");
    private final Button pay = new Button("Top up");
    private final Div formError = new Div();
    /** One key per filled-in form, so a double submit cannot create two payments. */
    private String requestKey = UUID.randomUUID().toString();

    TopUpView(TopUpService topUps, Ledger ledger, PayerService payerChoice) {
        this.topUps = topUps;
        this.ledger = ledger;
        this.form = topUps.form();
        addClassName("top-up-view");
        if (form.account().role().mayMoveMoney()) {
            add(new H2("Top up your balance"), balanceCard(), formCard(payerChoice.active().orElse(null)));
            // The header's active payer decides who pays; choosing here is a one-off for this form (DD-019).
            ActivePayerChanged.follow(this, this::choosePayer);
        } else {
            // The service refuses a Viewer's top-up anyway; the page says so up front instead of offering a form.
            var note = new Paragraph("You can see the balance and the payment history of %s. Your role here is %s: "
                    .formatted(form.account().accountName(), form.account().role().label())
                    + "only owners and billing members can top up. Ask an owner if you need to pay.");
            note.setId("read-only-note");
            note.addClassName("read-only-note");
            add(new H2("Balance"), balanceCard(), note);
        }
        addComponentAsFirst(PageTabs.topUp(PageTabs.TOP_UP));
        refreshBalance();
    }

    private void choosePayer(PayerSummary active) {
        payer.getListDataView().getItems().filter(p -> p.id().equals(active.id())).findFirst()
                .ifPresent(payer::setValue);
    }

    private Div balanceCard() {
        balance.setId("balance");
        balance.addClassName("balance-amount");
        var card = new Div(new Span("Current balance"), balance);
        card.addClassName("balance-card");
        return card;
    }

    private Div formCard(@Nullable PayerSummary active) {
        var currency = form.account().currency().getCurrencyCode();
        amount.setId("amount");
        amount.setMaxLength(TopUpRequest.AMOUNT_MAX_LENGTH);
        amount.setPrefixComponent(new Span(currency));
        amount.setHelperText(form.rangeHint());
        amount.setClearButtonVisible(true);
        amount.setWidthFull();
        amount.addValueChangeListener(e -> amount.setInvalid(false));

        var presets = presetButtons();

        List<PayerSummary> payers = form.payers();
        payer.setLabel("Payer");
        payer.setId("payer");
        payer.setItems(payers);
        payer.setItemLabelGenerator(PayerSummary::displayName);
        payer.setWidthFull();
        payer.setVisible(payers.size() > 1);
        payer.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                showMethodsOf(e.getValue());
            }
        });

        method.setId("method");
        method.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        method.setItemLabelGenerator(MethodOption::label);
        method.addValueChangeListener(e -> {
            saveMethod.setVisible(e.getValue() != null && e.getValue().offersSaving());
            phone.setVisible(e.getValue() != null && e.getValue().choice() instanceof MethodChoice.Phone);
            method.setInvalid(false);
        });
        saveMethod.setId("save-method");
        saveMethod.setVisible(false);
        methodNote.setId("method-note");
        methodNote.addClassName("method-note");
        methodNote.setVisible(false);
        phone.setId("phone");
        phone.setMaxLength(32);
        phone.setPlaceholder("07XX XXX XXX");
        phone.setHelperText("The phone that pays: it asks for your M-Pesa PIN.");
        phone.setWidthFull();
        phone.setVisible(false);
        phone.addValueChangeListener(e -> phone.setInvalid(false));

        formError.setId("form-error");
        formError.addClassName("form-error");
        formError.setVisible(false);

        pay.setId("pay");
        pay.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        pay.setDisableOnClick(true);
        pay.addClickListener(e -> submit());

        if (!payers.isEmpty()) {
            payer.setValue(payers.stream().filter(p -> active != null && p.id().equals(active.id())).findFirst()
                    .or(() -> payers.stream().filter(PayerSummary::isDefault).findFirst()).orElse(payers.getFirst()));
        }
        var card = new Div(amount, presets, payer, method, methodNote, phone, saveMethod, formError, pay);
        card.addClassName("form-card");
        return card;
    }

    /**
     * The preset amounts as one element: the buttons are markup, and a click reports its amount, which must be one of
     * the presets. Four button components would be eight state nodes kept in every open session (DD-044).
     */
    private Div presetButtons() {
        var presets = new Div();
        presets.setId("presets");
        presets.addClassName("presets");
        var markup = new StringBuilder();
        for (Money preset : form.presets()) {
            markup.append("<vaadin-button class=\"preset\" id=\"preset-")
                    .append(preset.value().stripTrailingZeros().toPlainString()).append("\" data-amount=\"")
                    .append(preset.value().toPlainString()).append("\">").append(Markup.escape(preset.format()))
                    .append("</vaadin-button>");
        }
        presets.getElement().setProperty("innerHTML", markup.toString());
        presets.getElement().addEventListener("click", click -> {
            String chosen = click.getEventData().path(PRESET_AMOUNT).asString("");
            form.presets().stream().filter(preset -> preset.value().toPlainString().equals(chosen)).findFirst()
                    .ifPresent(preset -> {
                        amount.setValue(preset.value().toPlainString());
                        amount.setInvalid(false);
                    });
        }).setFilter(PRESET_CLICKED).addEventData(PRESET_AMOUNT);
        return presets;
    }

    private void showMethodsOf(PayerSummary selected) {
        List<MethodOption> options = topUps.methodsFor(selected.id());
        List<String> notes = topUps.methodNotes(selected.id());
        methodNote.setText(String.join(" ", notes));
        methodNote.setVisible(!notes.isEmpty());
        method.setItems(options);
        options.stream().filter(MethodOption::preselected).findFirst().ifPresent(method::setValue);
    }

    private void submit() {
        clearErrors();
        try {
            PayerSummary selectedPayer = payer.getValue();
            MethodOption selectedMethod = method.getValue();
            if (selectedPayer == null) {
                throw new InvalidRequestException("payer", "Choose who pays.");
            }
            if (selectedMethod == null) {
                throw new InvalidRequestException("method", "Choose how to pay.");
            }
            MethodChoice choice = selectedMethod.choice() instanceof MethodChoice.Phone byPhone
                    ? new MethodChoice.Phone(byPhone.provider(), phone.getValue()) : selectedMethod.choice();
            TopUpOutcome outcome = topUps.topUp(new TopUpRequest(selectedPayer.id(), amount.getValue(), choice,
                    saveMethod.isVisible() && saveMethod.getValue(), requestKey));
            requestKey = UUID.randomUUID().toString();
            switch (outcome) {
                case TopUpOutcome.RedirectToProvider redirect -> UI.getCurrent().getPage().setLocation(redirect.url());
                case TopUpOutcome.WaitingForPhone waiting -> UI.getCurrent().navigate(
                        PhonePaymentView.location(waiting.paymentId()), waiting.simulatorPath() == null
                                ? QueryParameters.empty()
                                : QueryParameters.of(PhonePaymentView.SIMULATOR_PARAMETER, waiting.simulatorPath()));
                case TopUpOutcome.Completed completed -> UI.getCurrent().navigate(PaymentHistoryView.class,
                        QueryParameters.of(PaymentHistoryView.PAYMENT_PARAMETER,
                                completed.paymentId().value().toString()));
            }
        } catch (InvalidRequestException invalid) {
            showError(invalid);
            pay.setEnabled(true);
        }
    }

    private void showError(InvalidRequestException invalid) {
        switch (invalid.field()) {
            case "amount" -> {
                amount.setErrorMessage(invalid.getMessage());
                amount.setInvalid(true);
            }
            case "method" -> {
                method.setErrorMessage(invalid.getMessage());
                method.setInvalid(true);
            }
            case "phone" -> {
                phone.setErrorMessage(invalid.getMessage());
                phone.setInvalid(true);
            }
            default -> {
                formError.setText(invalid.getMessage());
                formError.setVisible(true);
            }
        }
    }

    private void clearErrors() {
        amount.setInvalid(false);
        method.setInvalid(false);
        phone.setInvalid(false);
        formError.setVisible(false);
    }

    private void refreshBalance() {
        balance.setText(ledger.currentBalance().format());
    }
}
