package dev.billfold.hosting.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import dev.billfold.account.PayerSummary;
import dev.billfold.account.ui.PayerLabels;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.Money;
import dev.billfold.base.ui.Banner;
import dev.billfold.base.ui.LocalTimes;
import dev.billfold.base.ui.Localized;
import dev.billfold.hosting.BillingPeriod;
import dev.billfold.hosting.HostedServiceId;
import dev.billfold.hosting.HostedServiceStatus;
import dev.billfold.hosting.HostedServiceSummary;
import dev.billfold.hosting.RenewalActivity;
import dev.billfold.hosting.RenewalLine;
import dev.billfold.hosting.RenewalQuote;
import dev.billfold.hosting.RenewalReceipt;
import dev.billfold.hosting.RenewalService;
import dev.billfold.hosting.Runway;
import dev.billfold.hosting.ShortfallOutcome;
import dev.billfold.language.Language;
import dev.billfold.ledger.Ledger;
import dev.billfold.payment.MethodOption;
import dev.billfold.payment.TopUpService;
import dev.billfold.paymentmethod.PaymentMethodService;
import dev.billfold.ui.MainLayout;
import dev.billfold.ui.PageTabs;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The Renewals tab of the top-up page: the account's services with what renewing costs and until when, paying the
 * chosen ones from the balance, topping up a shortfall (the renewal then completes by itself), and the auto-renew
 * switches. Viewers see everything read-only; the service refuses them anyway. Texts worked out from the services
 * are rendered again in the new language when the language is switched; what is ticked stays ticked.
 */
@Route(PageTabs.RENEWALS)
@PermitAll
class RenewalsView extends Div implements LocaleChangeObserver, HasDynamicTitle {

    /** The language the data-driven texts were last rendered in; attaching calls localeChange too. */
    private @Nullable Locale renderedIn;
    private final LocalTimes times = LocalTimes.ofBrowser();

    private final RenewalService renewals;
    private final TopUpService topUps;
    private final Ledger ledger;
    private final boolean mayRenew;
    private final List<PayerSummary> payers;

    private final Span balance = new Span();
    /** How long the balance lasts the services (DD-104). */
    private final Paragraph runway = new Paragraph();
    private final Div serviceList = new Div();
    private final Map<HostedServiceId, Row> rows = new LinkedHashMap<>();
    private final Div summary = new Div();
    private final Span total = new Span();
    private final Span after = new Span();
    private final Button renew = new Button();
    private final Div shortfall = new Div();
    private final Span shortfallText = new Span();
    private final Div shortfallForm = new Div();
    private final Select<PayerSummary> payer = new Select<>();
    private final RadioButtonGroup<MethodOption> method = new RadioButtonGroup<>();
    private final Checkbox saveMethod = new Checkbox();
    private final Button topUpAndRenew = new Button();
    private final Banner message = new Banner("renewal-message", "renewal-message");
    private final Div activity = new Div();
    private final AutoTopUpForm autoTopUpForm;
    /** One key per shortfall form, so a double submit cannot create two payments or two orders. */
    private String requestKey = UUID.randomUUID().toString();

    private record Row(HostedServiceSummary service, Checkbox selected, Select<HostedServiceSummary.Term> term,
                       Span cost) {
    }

    RenewalsView(RenewalService renewals, TopUpService topUps, Ledger ledger, PaymentMethodService methods) {
        this.renewals = renewals;
        this.topUps = topUps;
        this.ledger = ledger;
        this.mayRenew = renewals.mayRenew();
        TopUpService.TopUpForm form = topUps.form();
        this.payers = form.payers();
        this.autoTopUpForm = new AutoTopUpForm(renewals, methods, payers, form.account().currency(), mayRenew,
                message);
        addClassName("renewals-view");

        balance.setId("renewals-balance");
        balance.addClassName("balance-amount");
        runway.setId("renewals-runway");
        runway.addClassName("runway");
        var balanceCard = new Div(Localized.text(new Span(), "hosting.renewals.current-balance"), balance, runway);
        balanceCard.addClassName("balance-card");


        serviceList.setId("services");

        add(PageTabs.topUp(PageTabs.RENEWALS), Localized.text(new H2(), "hosting.renewals.title"), balanceCard, message,
                serviceList, summaryCard(), shortfallCard(), autoTopUpForm, activityCard());
        if (!mayRenew) {
            var readOnly = new Div(
                    Localized.text(new Span(), "hosting.renewals.read-only"));
            readOnly.setId("read-only-note");
            readOnly.addClassName("renewal-message");
            addComponentAtIndex(2, readOnly);
        }
        Localized.bind(method, method::setLabel, "hosting.renewals.pay-top-up-with");
        Localized.bind(saveMethod, saveMethod::setLabel, "hosting.renewals.save-method");
        refreshAll();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("hosting.renewals.page-title");
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        if (event.getLocale().equals(renderedIn)) {
            return;
        }
        refreshAll();
    }

    /** English keeps the amounts as the rest of Billfold prints them; other languages format them by CLDR. */
    private String money(Money amount) {
        Locale locale = Localized.localeOf(this);
        return Language.of(locale).orElse(Language.EN) == Language.EN ? amount.format() : amount.format(locale);
    }

    private String termLabel(HostedServiceSummary.Term term, BillingPeriod period) {
        return getTranslation("hosting.period.count." + period.name(), term.periods());
    }

    private String statusLabel(HostedServiceSummary service) {
        return service.expiringSoon() ? getTranslation("hosting.renewals.expiring-soon")
                : getTranslation("hosting.status." + service.status().name());
    }

    private Div summaryCard() {
        total.setId("renewal-total");
        after.setId("renewal-after");
        renew.setId("renew-from-balance");
        renew.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        renew.setDisableOnClick(true);
        renew.addClickListener(e -> renewFromBalance());
        summary.setId("renewal-summary");
        summary.addClassName("renewal-summary");
        summary.add(total, after, renew);
        return summary;
    }

    private Div shortfallCard() {
        shortfallText.setId("shortfall-text");
        Localized.bind(payer, payer::setLabel, "hosting.renewals.payer");
        payer.setId("shortfall-payer");
        payer.setItems(payers);
        PayerLabels.follow(payer, payer::setItemLabelGenerator);
        payer.setVisible(payers.size() > 1);
        payer.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                List<MethodOption> options = topUps.methodsFor(e.getValue().id());
                method.setItems(options);
                options.stream().filter(MethodOption::preselected).findFirst().ifPresent(method::setValue);
            }
        });
        method.setId("shortfall-method");
        method.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        method.setItemLabelGenerator(MethodOption::label);
        method.addValueChangeListener(e -> saveMethod.setVisible(e.getValue() != null && e.getValue().offersSaving()));
        saveMethod.setId("shortfall-save-method");
        saveMethod.setVisible(false);
        topUpAndRenew.setId("top-up-and-renew");
        topUpAndRenew.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        topUpAndRenew.setDisableOnClick(true);
        topUpAndRenew.addClickListener(e -> topUpAndRenew());
        if (!payers.isEmpty()) {
            payer.setValue(payers.stream().filter(PayerSummary::isDefault).findFirst().orElse(payers.getFirst()));
        }
        shortfallForm.add(payer, method, saveMethod, topUpAndRenew);
        shortfallForm.addClassName("form-card");
        shortfallForm.setVisible(mayRenew);
        shortfall.setId("shortfall");
        shortfall.addClassName("shortfall");
        shortfall.add(shortfallText, shortfallForm);
        shortfall.setVisible(false);
        return shortfall;
    }

    private Div activityCard() {
        activity.setId("renewal-activity");
        activity.addClassName("renewal-activity");
        return activity;
    }

    private void refreshAll() {
        renderedIn = Localized.localeOf(this);
        balance.setText(money(ledger.currentBalance()));
        Runway lasts = renewals.runway();
        runway.setText(RunwayTexts.sentence(lasts, renderedIn).orElse(""));
        runway.setVisible(!runway.getText().isEmpty());
        runway.getClassNames().set("warning", lasts.shorterThan(renewals.runwayWarningDays()));
        List<HostedServiceId> keep = rows.values().stream().filter(r -> r.selected().getValue())
                .map(r -> r.service().id()).toList();
        rows.clear();
        serviceList.removeAll();
        List<HostedServiceSummary> services = renewals.services();
        if (services.isEmpty()) {
            serviceList.add(new Span(getTranslation("hosting.renewals.no-services")));
        }
        for (HostedServiceSummary service : services) {
            serviceList.add(card(service, keep.contains(service.id())));
        }
        refreshQuote();
        refreshActivity();
        autoTopUpForm.refresh();
    }

    private Div card(HostedServiceSummary service, boolean select) {
        String id = service.id().value().toString();
        var name = new Span(service.name());
        name.addClassName("service-name");
        var meta = new Span(getTranslation("hosting.kind." + service.kind().name()) + " · "
                + getTranslation("hosting.price-per." + service.period().name(), money(service.price())) + " · "
                + (service.paidUntil() == null ? getTranslation("hosting.renewals.not-paid-yet")
                : getTranslation("hosting.renewals.paid-until", service.paidUntil().toString())));
        meta.addClassName("service-meta");
        meta.setId("paid-until-" + id);
        var head = new Div(name, meta);
        head.addClassName("service-head");

        var status = new Span(statusLabel(service));
        status.setId("status-" + id);
        status.addClassNames("badge", "service-" + statusClass(service));

        var selected = new Checkbox(getTranslation(service.status() == HostedServiceStatus.AWAITING_PAYMENT
                ? "hosting.renewals.select-pay" : "hosting.renewals.select-renew"));
        selected.setId("renew-" + id);
        selected.setValue(select);
        selected.setEnabled(mayRenew);

        Select<HostedServiceSummary.Term> term = new Select<>();
        term.setId("term-" + id);
        term.setAriaLabel(getTranslation("hosting.renewals.term-for", service.name()));
        term.setItems(service.terms());
        term.setItemLabelGenerator(t -> termLabel(t, service.period()) + " · " + money(t.cost()));
        term.setValue(service.terms().getFirst());
        term.setEnabled(mayRenew);

        var cost = new Span();
        cost.setId("cost-" + id);
        cost.addClassName("service-cost");

        var autoRenew = new Checkbox(getTranslation("hosting.renewals.auto-renew"), service.autoRenew());
        autoRenew.setId("auto-renew-" + id);
        autoRenew.setReadOnly(!mayRenew || service.status() == HostedServiceStatus.AWAITING_PAYMENT);
        autoRenew.addValueChangeListener(e -> {
            if (!e.isFromClient()) {
                return;
            }
            try {
                HostedServiceSummary changed = renewals.setAutoRenew(service.id(), e.getValue());
                message.show(getTranslation(changed.autoRenew() ? "hosting.renewals.auto-renew-on"
                        : "hosting.renewals.auto-renew-off", changed.name()), Banner.SUCCESS);
            } catch (InvalidRequestException refused) {
                message.show(refused.getLocalizedMessage(), Banner.ERROR);
                autoRenew.setValue(e.getOldValue());
            }
        });

        Row row = new Row(service, selected, term, cost);
        rows.put(service.id(), row);
        selected.addValueChangeListener(e -> refreshQuote());
        term.addValueChangeListener(e -> refreshQuote());
        describeCost(row, service.period());

        var card = new Div(head, status, selected, term, autoRenew, cost);
        card.setId("service-" + id);
        card.addClassName("service-card");
        return card;
    }

    private static String statusClass(HostedServiceSummary service) {
        if (service.expiringSoon()) {
            return "expiring";
        }
        return switch (service.status()) {
            case ACTIVE -> "active";
            case SUSPENDED -> "suspended";
            case AWAITING_PAYMENT -> "awaiting";
            // Never listed for the customer (HostedServiceStore.findByAccount leaves them out).
            case TERMINATED -> "terminated";
        };
    }

    private void describeCost(Row row, BillingPeriod period) {
        HostedServiceSummary.Term term = row.term().getValue();
        if (term != null) {
            row.cost().setText(getTranslation("hosting.renewals.cost", money(term.cost()), termLabel(term, period),
                    term.paidUntil().toString()));
        }
    }

    private List<RenewalLine> selectedLines() {
        List<RenewalLine> lines = new ArrayList<>();
        for (Row row : rows.values()) {
            if (row.selected().getValue() && row.term().getValue() != null) {
                lines.add(new RenewalLine(row.service().id(), row.term().getValue().periods()));
            }
        }
        return lines;
    }

    private void refreshQuote() {
        rows.values().forEach(row -> describeCost(row, row.service().period()));
        List<RenewalLine> lines = selectedLines();
        if (lines.isEmpty()) {
            total.setText(getTranslation("hosting.renewals.choose"));
            after.setText("");
            renew.setEnabled(false);
            renew.setText(getTranslation("hosting.renewals.pay-from-balance"));
            shortfall.setVisible(false);
            return;
        }
        RenewalQuote quote;
        try {
            quote = renewals.quote(lines);
        } catch (InvalidRequestException invalid) {
            message.show(invalid.getLocalizedMessage(), Banner.ERROR);
            renew.setEnabled(false);
            return;
        }
        total.setText(getTranslation("hosting.renewals.total", money(quote.total()), money(quote.balance())));
        if (quote.coveredByBalance()) {
            after.setText(getTranslation("hosting.renewals.balance-after",
                    money(quote.balance().minus(quote.total()))));
            renew.setText(getTranslation("hosting.renewals.pay-amount-from-balance", money(quote.total())));
            renew.setEnabled(mayRenew);
            shortfall.setVisible(false);
        } else {
            after.setText("");
            renew.setText(getTranslation("hosting.renewals.pay-from-balance"));
            renew.setEnabled(false);
            shortfall.setVisible(true);
            if (quote.topUpAmount() == null) {
                shortfallText.setText(getTranslation("hosting.renewals.short-by", money(quote.shortfall()))
                        + " " + quote.topUpProblem());
                shortfallForm.setVisible(false);
            } else {
                shortfallText.setText(getTranslation("hosting.renewals.short-by", money(quote.shortfall())) + " "
                        + getTranslation("hosting.renewals.top-up-completes", money(quote.topUpAmount())));
                topUpAndRenew.setText(getTranslation("hosting.renewals.top-up-and-renew", money(quote.topUpAmount())));
                shortfallForm.setVisible(mayRenew);
            }
        }
    }

    private void renewFromBalance() {
        try {
            RenewalReceipt done = renewals.renewFromBalance(selectedLines());
            List<String> renewed = new ArrayList<>();
            for (RenewalQuote.Line line : done.lines()) {
                renewed.add(getTranslation("hosting.renewals.renewed-until", line.serviceName(),
                        line.paidUntil().toString()));
            }
            String text = getTranslation("hosting.renewals.renewed", String.join(", ", renewed),
                    money(done.total()));
            rows.values().forEach(row -> row.selected().setValue(false));
            message.show(text, Banner.SUCCESS);
            refreshAll();
            refreshHeader();
        } catch (InvalidRequestException invalid) {
            message.show(invalid.getLocalizedMessage(), Banner.ERROR);
            refreshAll();
        }
    }

    private void topUpAndRenew() {
        try {
            PayerSummary selectedPayer = payer.getValue();
            MethodOption selectedMethod = method.getValue();
            if (selectedPayer == null || selectedMethod == null) {
                message.show(getTranslation(selectedPayer == null ? "hosting.renewals.choose-payer"
                        : "hosting.renewals.choose-method"), Banner.ERROR);
                return;
            }
            ShortfallOutcome outcome = renewals.topUpAndRenew(selectedLines(), selectedPayer.id(),
                    selectedMethod.choice(), saveMethod.isVisible() && saveMethod.getValue(), requestKey);
            requestKey = UUID.randomUUID().toString();
            switch (outcome) {
                case ShortfallOutcome.RedirectToProvider redirect ->
                        UI.getCurrent().getPage().setLocation(redirect.url());
                case ShortfallOutcome.Finished finished -> {
                    rows.values().forEach(row -> row.selected().setValue(false));
                    message.show(finished.message(), switch (finished.status()) {
                        case COMPLETED -> "success";
                        case FAILED -> "error";
                        case AWAITING_PAYMENT -> "waiting";
                    });
                    refreshAll();
                    refreshHeader();
                }
            }
        } catch (InvalidRequestException invalid) {
            message.show(invalid.getLocalizedMessage(), Banner.ERROR);
        } finally {
            topUpAndRenew.setEnabled(true);
        }
    }

    private void refreshActivity() {
        activity.removeAll();
        activity.add(new H3(getTranslation("hosting.renewals.activity")));
        List<RenewalActivity> latest = renewals.activity(20);
        if (latest.isEmpty()) {
            activity.add(new Span(getTranslation("hosting.renewals.nothing-yet")));
        }
        for (RenewalActivity item : latest) {
            var line = new Div(new Span(times.formatWithOffset(item.at()) + " · "
                    + (item.serviceName() == null ? "" : item.serviceName() + ": ") + item.message()));
            line.addClassName("activity-item");
            line.getElement().setAttribute("data-kind", item.kind().name().toLowerCase(Locale.ROOT));
            line.getElement().setAttribute("data-failure", String.valueOf(item.kind().isFailure()));
            activity.add(line);
        }
    }


    private void refreshHeader() {
        MainLayout layout = findAncestor(MainLayout.class);
        if (layout != null) {
            layout.refreshBalance();
        }
    }
}
