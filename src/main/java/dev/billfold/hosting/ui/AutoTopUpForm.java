package dev.billfold.hosting.ui;

import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.textfield.TextFieldBase;
import dev.billfold.account.PayerSummary;
import dev.billfold.account.ui.PayerLabels;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.Money;
import dev.billfold.base.ui.AmountInput;
import dev.billfold.base.ui.Banner;
import dev.billfold.base.ui.LightSelect;
import dev.billfold.base.ui.LocalTimes;
import dev.billfold.base.ui.Localized;
import dev.billfold.hosting.AutoTopUpRule;
import dev.billfold.hosting.AutoTopUpSettings;
import dev.billfold.hosting.AutoTopUpState;
import dev.billfold.hosting.RenewalService;
import dev.billfold.paymentmethod.PaymentMethodId;
import dev.billfold.paymentmethod.PaymentMethodService;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The renewals tab's automatic top-up (DD-105): when it fires, how much, from which method, the monthly cap, and
 * what its guards say now (declines, the waiting time, switched off). Owners and Billing members change it; Viewers
 * read it. What the service refuses is shown on its field, and nothing is saved.
 */
final class AutoTopUpForm extends Div {

    enum When { SHORTFALL, BALANCE, RUNWAY }

    /** A choice of the method select: a saved method, or none for the payer's default. */
    record MethodItem(@Nullable PaymentMethodId id, String label) {
    }

    private final RenewalService renewals;
    private final PaymentMethodService methods;
    private final Banner message;
    private final boolean mayChange;
    private final Currency currency;
    private final LocalTimes times = LocalTimes.ofBrowser();

    private final Checkbox enabled = new Checkbox();
    private final RadioButtonGroup<When> when = new RadioButtonGroup<>();
    private final TextField belowBalance = new TextField();
    private final IntegerField belowDays = new IntegerField();
    private final RadioButtonGroup<AutoTopUpRule.AmountMode> how = new RadioButtonGroup<>();
    private final TextField amount = new TextField();
    private final LightSelect<PayerSummary> payer = new LightSelect<>();
    private final LightSelect<MethodItem> method = new LightSelect<>();
    private final TextField cap = new TextField();
    private final Checkbox reset = new Checkbox();
    private final Button save = new Button();
    private final Paragraph status = new Paragraph();

    AutoTopUpForm(RenewalService renewals, PaymentMethodService methods, List<PayerSummary> payers, Currency currency,
                  boolean mayChange, Banner message) {
        this.renewals = renewals;
        this.methods = methods;
        this.message = message;
        this.mayChange = mayChange;
        this.currency = currency;
        setId("auto-top-up-form");
        addClassNames("form-card", "auto-top-up");

        enabled.setId("auto-top-up");
        Localized.bind(enabled, enabled::setLabel, "hosting.auto-top-up.enabled");
        when.setId("auto-top-up-when");
        when.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        when.setItems(When.values());
        Localized.bind(when, when::setLabel, "hosting.auto-top-up.when");
        belowBalance.setId("auto-top-up-below-balance");
        belowBalance.setMaxLength(20);
        Localized.bind(belowBalance, belowBalance::setLabel, "hosting.auto-top-up.below-balance");
        belowDays.setId("auto-top-up-below-days");
        belowDays.setMin(1);
        belowDays.setMax(365);
        belowDays.setStepButtonsVisible(true);
        Localized.bind(belowDays, belowDays::setLabel, "hosting.auto-top-up.below-days");
        how.setId("auto-top-up-how");
        how.setItems(AutoTopUpRule.AmountMode.FIXED, AutoTopUpRule.AmountMode.UP_TO);
        Localized.bind(how, how::setLabel, "hosting.auto-top-up.how");
        amount.setId("auto-top-up-amount");
        amount.setMaxLength(20);
        Localized.bind(amount, amount::setLabel, "hosting.auto-top-up.amount");
        payer.setId("auto-top-up-payer");
        payer.setItems(payers);
        PayerLabels.follow(payer, payer::setItemLabelGenerator);
        payer.setVisible(payers.size() > 1);
        Localized.bind(payer, payer::setLabel, "hosting.auto-top-up.payer");
        payer.addValueChangeListener(e -> showMethodsOf(e.getValue(), null));
        method.setId("auto-top-up-method");
        Localized.bind(method, method::setLabel, "hosting.auto-top-up.method");
        cap.setId("auto-top-up-cap");
        cap.setMaxLength(20);
        Localized.bind(cap, cap::setLabel, "hosting.auto-top-up.cap");
        Localized.bind(cap, cap::setHelperText, "hosting.auto-top-up.cap-helper");
        reset.setId("auto-top-up-reset");
        Localized.bind(reset, reset::setLabel, "hosting.auto-top-up.reset");
        save.setId("auto-top-up-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Localized.bind(save, save::setText, "hosting.auto-top-up.save");
        save.addClickListener(e -> save());
        status.setId("auto-top-up-status");
        status.getElement().setAttribute("role", "status");
        for (TextFieldBase<?, ?> field : List.of(belowBalance, amount, cap)) {
            field.setPrefixComponent(new Span(currency.getCurrencyCode()));
        }
        when.addValueChangeListener(e -> showFields());
        enabled.addValueChangeListener(e -> showFields());

        add(Localized.text(new H3(), "hosting.auto-top-up.title"), enabled, when, belowBalance, belowDays, how,
                amount, payer, method, cap, reset, save, status);
        List<HasValue<?, ?>> fields = List.of(enabled, when, how, reset, belowBalance, amount, cap, belowDays, payer,
                method);
        fields.forEach(field -> field.setReadOnly(!mayChange));
        save.setVisible(mayChange);
    }

    /** Reads the settings again and shows them; the texts worked out from them in the current language. */
    void refresh() {
        AutoTopUpSettings settings = renewals.autoTopUpSettings();
        AutoTopUpRule rule = settings.rule();
        enabled.setValue(rule.enabled());
        when.setValue(rule.belowBalance() != null ? When.BALANCE : rule.belowRunwayDays() != null ? When.RUNWAY
                : When.SHORTFALL);
        belowBalance.setValue(plain(rule.belowBalance()));
        belowDays.setValue(rule.belowRunwayDays());
        how.setValue(rule.amountMode() == AutoTopUpRule.AmountMode.SHORTFALL ? AutoTopUpRule.AmountMode.FIXED
                : rule.amountMode());
        amount.setValue(plain(rule.amount()));
        cap.setValue(plain(rule.monthlyCap()));
        PayerSummary chosen = payer.getItems().stream().filter(p -> p.id().equals(rule.payerId())).findFirst()
                .orElse(payer.getItems().stream().filter(PayerSummary::isDefault).findFirst()
                        .orElse(payer.getItems().isEmpty() ? null : payer.getItems().getFirst()));
        payer.setValue(chosen);
        showMethodsOf(chosen, rule.methodId());
        AutoTopUpState state = settings.state();
        reset.setValue(false);
        reset.setVisible(mayChange && (state.declines() > 0 || state.switchedOffAt() != null));
        when.setItemLabelGenerator(choice -> getTranslation("hosting.auto-top-up.when." + choice.name()));
        how.setItemLabelGenerator(choice -> getTranslation("hosting.auto-top-up.how." + choice.name()));
        status.setText(statusText(settings));
        showFields();
    }

    private String statusText(AutoTopUpSettings settings) {
        AutoTopUpState state = settings.state();
        List<String> parts = new ArrayList<>();
        if (state.switchedOffAt() != null && !settings.rule().enabled()) {
            parts.add(getTranslation("hosting.auto-top-up.status.switched-off",
                    times.formatWithOffset(state.switchedOffAt()), state.declines()));
        } else if (!settings.rule().enabled()) {
            parts.add(getTranslation("hosting.auto-top-up.status.off"));
        } else if (state.retryAfter() != null) {
            parts.add(getTranslation("hosting.auto-top-up.status.backing-off", state.declines(),
                    times.formatWithOffset(Objects.requireNonNull(state.retryAfter()))));
        } else if (state.inFlightKey() != null) {
            parts.add(getTranslation("hosting.auto-top-up.status.in-flight"));
        }
        Money cap = settings.rule().monthlyCap();
        parts.add(cap == null ? getTranslation("hosting.auto-top-up.status.used", settings.usedThisMonth())
                : getTranslation("hosting.auto-top-up.status.used-of", settings.usedThisMonth(), cap));
        return String.join(" ", parts);
    }

    private void showMethodsOf(@Nullable PayerSummary of, @Nullable PaymentMethodId chosen) {
        List<MethodItem> items = new ArrayList<>();
        items.add(new MethodItem(null, getTranslation("hosting.auto-top-up.default-method")));
        if (of != null) {
            methods.chargeableMethods(of.id()).forEach(saved -> items.add(new MethodItem(saved.id(), saved.label())));
        }
        method.setItems(items);
        method.setItemLabelGenerator(MethodItem::label);
        method.setValue(items.stream().filter(item -> Objects.equals(item.id(), chosen)).findFirst()
                .orElse(items.getFirst()));
    }

    private void showFields() {
        boolean on = Boolean.TRUE.equals(enabled.getValue());
        When chosen = when.getValue();
        when.setVisible(on);
        belowBalance.setVisible(on && chosen == When.BALANCE);
        belowDays.setVisible(on && chosen == When.RUNWAY);
        how.setVisible(on && chosen != When.SHORTFALL);
        amount.setVisible(on && chosen != When.SHORTFALL);
        payer.setVisible(on && payer.getItems().size() > 1);
        method.setVisible(on);
        cap.setVisible(on);
    }

    private void save() {
        List.of(belowBalance, amount, cap).forEach(field -> field.setInvalid(false));
        belowDays.setInvalid(false);
        try {
            boolean on = Boolean.TRUE.equals(enabled.getValue());
            When chosen = when.getValue() == null ? When.SHORTFALL : when.getValue();
            PayerSummary who = payer.getValue();
            MethodItem with = method.getValue();
            var rule = new AutoTopUpRule(on, who == null ? null : who.id(), with == null ? null : with.id(),
                    chosen == When.BALANCE ? money(belowBalance, "belowBalance") : null,
                    chosen == When.RUNWAY ? daysOrRefuse() : null,
                    chosen == When.SHORTFALL ? AutoTopUpRule.AmountMode.SHORTFALL
                            : Objects.requireNonNullElse(how.getValue(), AutoTopUpRule.AmountMode.FIXED),
                    chosen == When.SHORTFALL ? null : money(amount, "amount"), money(cap, "monthlyCap"));
            renewals.saveAutoTopUp(rule, reset.isVisible() && Boolean.TRUE.equals(reset.getValue()));
            message.show(getTranslation("hosting.auto-top-up.saved"), Banner.SUCCESS);
            refresh();
        } catch (InvalidRequestException refused) {
            String text = refused.getLocalizedMessage();
            switch (refused.field()) {
                case "belowBalance" -> invalid(belowBalance, text);
                case "belowRunwayDays" -> {
                    belowDays.setErrorMessage(text);
                    belowDays.setInvalid(true);
                }
                case "amount" -> invalid(amount, text);
                case "monthlyCap" -> invalid(cap, text);
                default -> message.show(text, Banner.ERROR);
            }
        }
    }

    private Integer daysOrRefuse() {
        Integer days = belowDays.getValue();
        if (days == null) {
            throw InvalidRequestException.keyed("belowRunwayDays", "errors.auto-top-up.runway-days", 1, 365);
        }
        return days;
    }

    private static void invalid(TextField field, String text) {
        field.setErrorMessage(text);
        field.setInvalid(true);
    }

    /** The amount typed in the page's language ("1 234,50"); empty is none. */
    private @Nullable Money money(TextField field, String name) {
        String typed = field.getValue().strip();
        if (typed.isEmpty()) {
            return null;
        }
        Locale locale = Localized.localeOf(field);
        String plain = AmountInput.normalise(typed, locale).orElseThrow(() -> InvalidRequestException.keyed(
                name, "errors.amount.ambiguous", AmountInput.decimalSign(locale)));
        try {
            return Money.of(new BigDecimal(plain), currency);
        } catch (NumberFormatException | ArithmeticException notANumber) {
            throw InvalidRequestException.keyed(name, "errors.auto-top-up.not-an-amount");
        }
    }

    private static String plain(@Nullable Money money) {
        return money == null ? "" : money.value().toPlainString();
    }
}
