package dev.billfold.payment.ui;

import com.vaadin.flow.component.DetachEvent;
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
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import dev.billfold.account.PayerService;
import dev.billfold.account.PayerSummary;
import dev.billfold.account.ui.ActivePayerChanged;
import dev.billfold.account.ui.PayerLabels;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.Money;
import dev.billfold.base.Texts;
import dev.billfold.base.ui.AmountInput;
import dev.billfold.base.ui.LightSelect;
import dev.billfold.base.ui.Localized;
import dev.billfold.base.ui.Markup;
import dev.billfold.base.ui.PageTitles;
import dev.billfold.ledger.Ledger;
import dev.billfold.payment.MethodChoice;
import dev.billfold.payment.MethodOption;
import dev.billfold.payment.Quote;
import dev.billfold.payment.QuoteExpiredException;
import dev.billfold.payment.QuoteService;
import dev.billfold.payment.TopUpOutcome;
import dev.billfold.payment.TopUpRequest;
import dev.billfold.payment.TopUpService;
import dev.billfold.ui.BalanceOutlook;
import dev.billfold.ui.PageTabs;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The main page: the balance, an amount, who pays and how. An account with several pay currencies also chooses the
 * currency; in another than its own, the button first shows the locked price, then confirms it (DD-099).
 */
@Route(PageTabs.TOP_UP)
@Menu(order = 1, title = "Top up", icon = "vaadin:wallet")
@PermitAll
class TopUpView extends Div implements HasDynamicTitle, LocaleChangeObserver {

    /** Client-side: whether a click landed on a preset button, and that button's amount. */
    static final String PRESET_CLICKED = "event.target.closest('[data-amount]') != null";
    static final String PRESET_AMOUNT = "event.target.closest('[data-amount]')?.dataset.amount";

    /** The countdown of a shown price moves once a second, by a poll that runs only while a price is shown. */
    static final int COUNTDOWN_POLL_MILLIS = 1_000;

    private final TopUpService topUps;
    private final QuoteService quotes;
    private final Clock clock;
    private final Ledger ledger;
    private final TopUpService.TopUpForm form;

    private final Span balance = new Span();
    private final TextField amount = new TextField();
    private final LightSelect<PayerSummary> payer = new LightSelect<>();
    private final LightSelect<Currency> payCurrency = new LightSelect<>();
    private final RadioButtonGroup<MethodOption> method = new RadioButtonGroup<>();
    /** Why a method the country offers others is missing for this payer (DD-091). */
    private final Paragraph methodNote = new Paragraph();
    /** Why the payer's list lacks a kind of method, as keys: the note follows a language switch. */
    private List<Texts.Message> methodNotes = List.of();
    private final Checkbox saveMethod = new Checkbox();
    private final TextField phone = new TextField();
    private final Button pay = new Button();
    private final Div formError = new Div();
    private final Div presets = new Div();
    /** How long the balance lasts the services, and the presets that cover time (DD-104). */
    private final List<BalanceOutlook> outlooks;
    private final Paragraph runway = new Paragraph();
    private List<BalanceOutlook.Cover> covers = List.of();
    /** One key per filled-in form, so a double submit cannot create two payments. */
    private String requestKey = UUID.randomUUID().toString();
    /** The pay button's text for the form's state: pay, see the price, confirm it, or get a new one. */
    private String payKey = "payment.topup.pay";

    /** Made on the first choice of another currency, so that a session paying in its own holds none of them. */
    private @Nullable Button amountIn;
    private @Nullable QuotePrice price;
    private QuoteService.Typed typed = QuoteService.Typed.CREDITED_AMOUNT;
    /** The price shown, until the customer changes what it is the price of. */
    private @Nullable Quote quote;
    private boolean quoteExpired;
    private @Nullable Registration countdown;

    TopUpView(TopUpService topUps, QuoteService quotes, Clock clock, Ledger ledger, PayerService payerChoice,
              List<BalanceOutlook> outlooks) {
        this.topUps = topUps;
        this.outlooks = List.copyOf(outlooks);
        this.quotes = quotes;
        this.clock = clock;
        this.ledger = ledger;
        this.form = topUps.form();
        addClassName("top-up-view");
        PageTitles.follow(this, "payment.topup.page-title");
        if (form.account().role().mayMoveMoney()) {
            add(Localized.text(new H2(), "payment.topup.title"), balanceCard(),
                    formCard(payerChoice.active().orElse(null)));
            // The header's active payer decides who pays; choosing here is a one-off for this form (DD-019).
            ActivePayerChanged.follow(this, this::choosePayer);
        } else {
            // The service refuses a Viewer's top-up anyway; the page says so up front instead of offering a form.
            var note = new Paragraph();
            Localized.bind(note, note::setText, locale -> note.getTranslation(locale, "payment.topup.read-only",
                    form.account().accountName(), note.getTranslation(locale,
                            "account.role." + form.account().role().name())));
            note.setId("read-only-note");
            note.addClassName("read-only-note");
            add(Localized.text(new H2(), "payment.topup.balance-title"), balanceCard(), note);
        }
        addComponentAsFirst(PageTabs.topUp(PageTabs.TOP_UP));
        refreshBalance();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("payment.topup.page-title");
    }

    /** The texts worked out from the form's state or from amounts follow the language switcher. */
    @Override
    public void localeChange(LocaleChangeEvent event) {
        refreshBalance();
        if (form.account().role().mayMoveMoney()) {
            payCurrency.setItemLabelGenerator(this::currencyLabel);
            method.setItemLabelGenerator(this::methodLabel);
            pay.setText(getTranslation(payKey));
            typeInTexts();
            if (quote != null && price != null && price.isVisible()) {
                price.show(quote, clock.instant(), null);
            }
        }
    }

    private void choosePayer(PayerSummary active) {
        payer.getItems().stream().filter(p -> p.id().equals(active.id())).findFirst()
                .ifPresent(payer::setValue);
    }

    private Div balanceCard() {
        balance.setId("balance");
        balance.addClassName("balance-amount");
        runway.setId("runway");
        runway.addClassName("runway");
        runway.setVisible(false);
        var card = new Div(Localized.text(new Span(), "payment.topup.current-balance"), balance, runway);
        card.addClassName("balance-card");
        return card;
    }

    private Div formCard(@Nullable PayerSummary active) {
        var currency = form.account().currency().getCurrencyCode();
        amount.setId("amount");
        amount.setMaxLength(TopUpRequest.AMOUNT_MAX_LENGTH);
        amount.setPrefixComponent(new Span(currency));
        Localized.bind(amount, amount::setLabel, "payment.topup.amount");
        amount.setHelperText(rangeHint());
        amount.setClearButtonVisible(true);
        amount.setWidthFull();
        amount.addValueChangeListener(e -> {
            amount.setInvalid(false);
            dropQuote();
        });

        var presets = presetButtons();

        List<PayerSummary> payers = form.payers();
        Localized.bind(payer, payer::setLabel, "payment.topup.payer");
        payer.setId("payer");
        payer.setItems(payers);
        PayerLabels.follow(payer, payer::setItemLabelGenerator);
        payer.setWidthFull();
        payer.setVisible(payers.size() > 1);
        payer.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                showMethodsOf(e.getValue());
            }
        });

        List<Currency> payCurrencies = form.payCurrencies();
        Localized.bind(payCurrency, payCurrency::setLabel, "payment.topup.pay-in");
        payCurrency.setId("pay-currency");
        payCurrency.setItems(payCurrencies);
        payCurrency.setItemLabelGenerator(this::currencyLabel);
        payCurrency.setWidthFull();
        payCurrency.setValue(form.account().currency());
        payCurrency.addValueChangeListener(e -> choosePayCurrency());

        method.setId("method");
        method.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        Localized.bind(method, method::setLabel, "payment.topup.pay-with");
        method.setItemLabelGenerator(this::methodLabel);
        method.addValueChangeListener(e -> {
            dropQuote();
            saveMethod.setVisible(e.getValue() != null && e.getValue().offersSaving());
            phone.setVisible(e.getValue() != null && e.getValue().choice() instanceof MethodChoice.Phone);
            method.setInvalid(false);
        });
        Localized.bind(saveMethod, saveMethod::setLabel, "payment.topup.save-method");
        saveMethod.setId("save-method");
        saveMethod.setVisible(false);
        methodNote.setId("method-note");
        methodNote.addClassName("method-note");
        methodNote.setVisible(false);
        Localized.bind(methodNote, methodNote::setText, this::methodNotesText);
        phone.setId("phone");
        phone.setMaxLength(32);
        Localized.bind(phone, phone::setLabel, "payment.topup.phone");
        Localized.bind(phone, phone::setPlaceholder, "payment.topup.phone-placeholder");
        Localized.bind(phone, phone::setHelperText, "payment.topup.phone-helper");
        phone.setWidthFull();
        phone.setVisible(false);
        phone.addValueChangeListener(e -> phone.setInvalid(false));

        formError.setId("form-error");
        formError.addClassName("form-error");
        formError.setVisible(false);

        pay.setId("pay");
        pay.setText(getTranslation(payKey));
        pay.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        pay.setDisableOnClick(true);
        pay.addClickListener(e -> submit());

        if (!payers.isEmpty()) {
            payer.setValue(payers.stream().filter(p -> active != null && p.id().equals(active.id())).findFirst()
                    .or(() -> payers.stream().filter(PayerSummary::isDefault).findFirst()).orElse(payers.getFirst()));
        }
        var card = new Div(amount, presets, payer, method, methodNote, phone, saveMethod, formError, pay);
        if (payCurrencies.size() > 1) {
            card.addComponentAsFirst(payCurrency);
        }
        card.addClassName("form-card");
        return card;
    }

    /**
     * The preset amounts as one element: the buttons are markup, and a click reports its amount, which must be one of
     * the presets. Four button components would be eight state nodes kept in every open session (DD-044).
     */
    private Div presetButtons() {
        presets.setId("presets");
        presets.addClassName("presets");
        presets.getElement().addEventListener("click", click -> {
            String chosen = click.getEventData().path(PRESET_AMOUNT).asString("");
            Stream.concat(form.presets().stream(), covers.stream().map(BalanceOutlook.Cover::amount))
                    .filter(preset -> preset.value().toPlainString().equals(chosen)).findFirst()
                    .ifPresent(preset -> {
                        // Presets are amounts credited, in the account's currency.
                        typeIn(QuoteService.Typed.CREDITED_AMOUNT);
                        amount.setValue(preset.value().toPlainString());
                        amount.setInvalid(false);
                    });
        }).setFilter(PRESET_CLICKED).addEventData(PRESET_AMOUNT);
        return presets;
    }

    /**
     * The amounts as the page's language writes them: "$1,000.00", "1 000,00 $"; then the presets that cover time:
     * "Cover 3 months: $267.00".
     */
    private void renderPresets() {
        Locale locale = Localized.localeOf(this);
        var markup = new StringBuilder();
        for (Money preset : form.presets()) {
            presetButton(markup, "preset", "preset-" + preset.value().stripTrailingZeros().toPlainString(), preset,
                    preset.format(locale));
        }
        for (BalanceOutlook.Cover cover : covers) {
            presetButton(markup, "preset cover", cover.id(), cover.amount(), cover.label());
        }
        presets.getElement().setProperty("innerHTML", markup.toString());
    }

    private static void presetButton(StringBuilder markup, String classes, String id, Money amount, String label) {
        markup.append("<vaadin-button class=\"").append(classes).append("\" id=\"").append(id)
                .append("\" data-amount=\"").append(amount.value().toPlainString()).append("\">")
                .append(Markup.escape(label)).append("</vaadin-button>");
    }

    /** Invoices are named in the page's language; saved methods and providers by their own names. */
    private String methodLabel(MethodOption option) {
        return option.choice() instanceof MethodChoice.Invoice ? getTranslation("payment.topup.method.invoice")
                : option.label();
    }

    private String rangeHint() {
        return Localized.message(amount, form.rangeHint());
    }

    private String methodNotesText(Locale locale) {
        return methodNotes.stream().map(note -> methodNote.getTranslation(locale, note.key(), note.params()))
                .collect(Collectors.joining(" "));
    }

    private void showMethodsOf(PayerSummary selected) {
        List<MethodOption> options = paysInOwnCurrency() ? topUps.methodsFor(selected.id())
                : topUps.methodsPayingIn(selected.id(), payCurrency.getValue());
        methodNotes = topUps.methodNotes(selected.id());
        methodNote.setText(methodNotesText(Localized.localeOf(methodNote)));
        methodNote.setVisible(!methodNotes.isEmpty());
        method.setItems(options);
        options.stream().filter(MethodOption::preselected).findFirst().ifPresent(method::setValue);
    }

    private void submit() {
        clearErrors();
        try {
            PayerSummary selectedPayer = payer.getValue();
            MethodOption selectedMethod = method.getValue();
            if (selectedPayer == null) {
                throw InvalidRequestException.keyed("payer", "payment.topup.choose-payer");
            }
            if (selectedMethod == null) {
                throw InvalidRequestException.keyed("method", "payment.topup.choose-method");
            }
            if (!paysInOwnCurrency() && (quote == null || quoteExpired)) {
                // The first click shows the price; only a click on a price still shown pays it.
                showQuote(newQuote(), null);
                pay.setEnabled(true);
                return;
            }
            MethodChoice choice = selectedMethod.choice() instanceof MethodChoice.Phone byPhone
                    ? new MethodChoice.Phone(byPhone.provider(), phone.getValue()) : selectedMethod.choice();
            TopUpOutcome outcome = topUps.topUp(new TopUpRequest(selectedPayer.id(), typedAmount(), choice,
                    saveMethod.isVisible() && saveMethod.getValue(), requestKey, quote == null ? null : quote.id()));
            requestKey = UUID.randomUUID().toString();
            stopCountdown();
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
        } catch (QuoteExpiredException expired) {
            // Never paid at a new price unseen: the new price is shown with the reason, to confirm again.
            requote(expired.getLocalizedMessage());
            pay.setEnabled(true);
        } catch (InvalidRequestException invalid) {
            if ("quote".equals(invalid.field())) {
                dropQuote();
            }
            showError(invalid);
            pay.setEnabled(true);
        }
    }

    private boolean paysInOwnCurrency() {
        return form.account().currency().equals(payCurrency.getValue());
    }

    private String currencyLabel(Currency currency) {
        String name = currency.getCurrencyCode() + " · " + currency.getDisplayName(Localized.localeOf(this));
        return currency.equals(form.account().currency()) ? getTranslation("payment.topup.own-currency", name) : name;
    }

    /** Another pay currency: its methods, the amount typed in either currency, a price before paying. */
    private void choosePayCurrency() {
        dropQuote();
        payCurrency.setInvalid(false);
        if (!paysInOwnCurrency() && amountIn == null) {
            amountIn = new Button();
            amountIn.setId("amount-in");
            amountIn.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            amountIn.addClickListener(e -> switchAmountSide());
            amount.getParent().ifPresent(card -> ((Div) card).addComponentAtIndex(
                    card.getElement().indexOfChild(amount.getElement()) + 1, amountIn));
        }
        typeIn(typed);
        if (payer.getValue() != null) {
            showMethodsOf(payer.getValue());
        }
    }

    /**
     * The amount typed in the other currency. With a price shown, the field takes that side's amount of it, so the
     * customer sees the same top-up from the other side.
     */
    private void switchAmountSide() {
        Quote shown = quote;
        typeIn(typed == QuoteService.Typed.CREDITED_AMOUNT ? QuoteService.Typed.PAY_AMOUNT
                : QuoteService.Typed.CREDITED_AMOUNT);
        if (shown != null) {
            amount.setValue((typed == QuoteService.Typed.PAY_AMOUNT ? shown.pay() : shown.credited()).value()
                    .toPlainString());
        }
    }

    private void typeIn(QuoteService.Typed side) {
        typed = paysInOwnCurrency() ? QuoteService.Typed.CREDITED_AMOUNT : side;
        Currency own = form.account().currency();
        Currency typedIn = typed == QuoteService.Typed.PAY_AMOUNT ? payCurrency.getValue() : own;
        amount.setPrefixComponent(new Span(typedIn.getCurrencyCode()));
        typeInTexts();
        if (amountIn != null) {
            amountIn.setVisible(!paysInOwnCurrency());
        }
        dropQuote();
    }

    private void typeInTexts() {
        Currency own = form.account().currency();
        amount.setHelperText(typed == QuoteService.Typed.PAY_AMOUNT
                ? getTranslation("payment.topup.range-in-pay-currency", payCurrency.getValue().getCurrencyCode(),
                        own.getCurrencyCode(), rangeHint())
                : rangeHint());
        if (amountIn != null) {
            Currency other = typed == QuoteService.Typed.PAY_AMOUNT ? own : payCurrency.getValue();
            amountIn.setText(getTranslation("payment.topup.amount-in", other.getCurrencyCode()));
        }
    }

    private void showPay(String key) {
        payKey = key;
        pay.setText(getTranslation(key));
    }

    private Quote newQuote() {
        return quotes.quote(form.account().accountId(), payCurrency.getValue(), typedAmount(), typed);
    }

    /**
     * The amount as the customer wrote it in their language ("1 234,50"), as the plain decimal the services read;
     * refused here, on the field, when it could be read two ways (DD-101).
     */
    private String typedAmount() {
        Locale locale = Localized.localeOf(amount);
        return AmountInput.normalise(amount.getValue(), locale).orElseThrow(() -> InvalidRequestException.keyed(
                "amount", "errors.amount.ambiguous", AmountInput.decimalSign(locale)));
    }

    /** After a confirm refused as expired: the price of the same top-up now, shown with why it is asked again. */
    private void requote(String expiredBecause) {
        try {
            showQuote(newQuote(), expiredBecause);
        } catch (InvalidRequestException refused) {
            dropQuote();
            showError(new InvalidRequestException(refused.field(),
                    expiredBecause + " " + refused.getLocalizedMessage()));
        }
    }

    private void showQuote(Quote fresh, @Nullable String replacedBecause) {
        if (price == null) {
            price = new QuotePrice();
            pay.getParent().ifPresent(card -> ((Div) card).addComponentAtIndex(
                    card.getElement().indexOfChild(pay.getElement()), price));
        }
        quote = fresh;
        quoteExpired = false;
        price.show(fresh, clock.instant(), replacedBecause);
        showPay("payment.topup.confirm");
        startCountdown();
    }

    /** The price no longer fits what the form says: the next click asks for a new one. */
    private void dropQuote() {
        stopCountdown();
        quote = null;
        quoteExpired = false;
        if (price != null) {
            price.setVisible(false);
        }
        showPay(paysInOwnCurrency() ? "payment.topup.pay" : "payment.topup.see-price");
    }

    private void tickCountdown() {
        if (quote == null || price == null) {
            stopCountdown();
        } else if (!price.tick(quote, clock.instant())) {
            quoteExpired = true;
            showPay("payment.topup.new-price");
            stopCountdown();
        }
    }

    private void startCountdown() {
        if (countdown == null) {
            getUI().ifPresent(ui -> {
                ui.setPollInterval(COUNTDOWN_POLL_MILLIS);
                countdown = ui.addPollListener(poll -> tickCountdown());
            });
        }
    }

    private void stopCountdown() {
        if (countdown != null) {
            countdown.remove();
            countdown = null;
            getUI().ifPresent(ui -> ui.setPollInterval(-1));
        }
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        stopCountdown();
    }

    private void showError(InvalidRequestException invalid) {
        switch (invalid.field()) {
            case "amount" -> {
                amount.setErrorMessage(invalid.getLocalizedMessage());
                amount.setInvalid(true);
            }
            case "method" -> {
                method.setErrorMessage(invalid.getLocalizedMessage());
                method.setInvalid(true);
            }
            case "phone" -> {
                phone.setErrorMessage(invalid.getLocalizedMessage());
                phone.setInvalid(true);
            }
            case "currency" -> {
                payCurrency.setErrorMessage(invalid.getLocalizedMessage());
                payCurrency.setInvalid(true);
            }
            default -> {
                formError.setText(invalid.getLocalizedMessage());
                formError.setVisible(true);
            }
        }
    }

    private void clearErrors() {
        amount.setInvalid(false);
        method.setInvalid(false);
        phone.setInvalid(false);
        payCurrency.setInvalid(false);
        formError.setVisible(false);
    }

    private void refreshBalance() {
        Locale locale = Localized.localeOf(this);
        balance.setText(ledger.currentBalance().format(locale));
        var told = outlooks.stream().map(outlook -> outlook.forTopUp(locale)).findFirst();
        runway.setText(told.flatMap(topUp -> topUp.runway().sentence()).orElse(""));
        runway.setVisible(!runway.getText().isEmpty());
        runway.getClassNames().set("warning", told.map(topUp -> topUp.runway().warning()).orElse(false));
        if (form.account().role().mayMoveMoney()) {
            covers = told.map(BalanceOutlook.TopUp::covers).orElse(List.of());
            renderPresets();
        }
    }
}
