package dev.billfold.paymentmethod.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import dev.billfold.account.PayerId;
import dev.billfold.account.PayerService;
import dev.billfold.account.PayerSummary;
import dev.billfold.account.ui.ActivePayerChanged;
import dev.billfold.account.ui.PayerLabels;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.ui.Banner;
import dev.billfold.base.ui.LocalTimes;
import dev.billfold.base.ui.Localized;
import dev.billfold.base.ui.PageTitles;
import dev.billfold.paymentmethod.MethodListItem;
import dev.billfold.paymentmethod.PaymentMethodChanged;
import dev.billfold.paymentmethod.PaymentMethodService;
import dev.billfold.paymentmethod.PaymentMethodService.SetupProvider;
import dev.billfold.paymentmethod.PaymentMethodService.SetupStatus;
import dev.billfold.paymentmethod.PaymentMethodStatus;
import jakarta.annotation.security.PermitAll;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The payer's saved payment methods: what each is, its status (live: a method confirmed by the poller or a webhook
 * turns Confirmed while the page is open), the default, adding one through the provider's page, choosing the default
 * and removing. Owner and Billing members manage; Viewers read. The service checks every change.
 */
@Route("payment-methods")
@Menu(order = 2.5, title = "Payment methods", icon = "vaadin:credit-card")
@PermitAll
class PaymentMethodsView extends Div implements BeforeEnterObserver, HasDynamicTitle, LocaleChangeObserver {

    private static final DateTimeFormatter ADDED = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter EXPIRES = DateTimeFormatter.ofPattern("MM/yy", Locale.ENGLISH);

    private final PaymentMethodService methods;
    private final MethodUpdates updates;
    private final boolean mayManage;
    private final Banner banner = new Banner("methods-banner", "payment-banner");
    private final Select<PayerSummary> payer = new Select<>();
    private final Select<SetupProvider> provider = new Select<>();
    private final Button add = new Button();
    private final Div list = new Div();
    private final Span announcement = new Span();
    private final LocalTimes times = LocalTimes.ofBrowser();
    private @Nullable PayerId shown;
    private @Nullable Registration live;
    /** The setup outcome the banner reports, worded again when the language is switched. */
    private @Nullable SetupOutcome reported;

    PaymentMethodsView(PaymentMethodService methods, PayerService payers, MethodUpdates updates) {
        this.methods = methods;
        this.updates = updates;
        this.mayManage = methods.mayManage();
        addClassName("methods-view");
        PageTitles.follow(this, "paymentmethod.page-title");
        Localized.text(add, "paymentmethod.add");


        payer.setId("methods-payer");
        Localized.bind(payer, payer::setLabel, "paymentmethod.payer");
        PayerLabels.follow(payer, payer::setItemLabelGenerator);
        List<PayerSummary> choosable = payers.choosable();
        payer.setItems(choosable);
        payer.addValueChangeListener(event -> {
            if (event.getValue() != null) {
                show(event.getValue().id());
            }
        });

        var readOnly = Localized.text(new Paragraph(), "paymentmethod.read-only");
        readOnly.setId("methods-read-only");
        readOnly.addClassName("hint");
        readOnly.setVisible(!mayManage);

        List<SetupProvider> providers = methods.setupProviders();
        provider.setId("setup-provider");
        Localized.bind(provider, provider::setLabel, "paymentmethod.provider");
        provider.setItems(providers);
        provider.setItemLabelGenerator(SetupProvider::displayName);
        if (!providers.isEmpty()) {
            provider.setValue(providers.getFirst());
        }
        add.setId("add-method");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClickListener(e -> startSetup());
        var adding = new Div(provider, add);
        adding.addClassName("method-add");
        adding.setVisible(mayManage && !providers.isEmpty());

        list.setId("method-list");
        list.addClassName("method-list");
        announcement.setId("methods-live");
        announcement.addClassName("sr-only");
        announcement.getElement().setAttribute("role", "status");
        announcement.getElement().setAttribute("aria-live", "polite");
        add(Localized.text(new H2(), "paymentmethod.title"), banner, payer, readOnly, adding, list, announcement);

        // Starts on the header's active payer and follows it; the page's own choice stays one click away.
        payers.active().flatMap(active -> choosable.stream().filter(p -> p.id().equals(active.id())).findFirst())
                .or(() -> choosable.stream().findFirst())
                .ifPresent(payer::setValue);
        ActivePayerChanged.follow(this, active -> choosable.stream().filter(p -> p.id().equals(active.id())).findFirst()
                .ifPresent(payer::setValue));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        SetupOutcome outcome = ComponentUtil.getData(event.getUI(), SetupOutcome.class);
        if (outcome == null) {
            return;
        }
        ComponentUtil.setData(event.getUI(), SetupOutcome.class, null);
        SetupStatus status = outcome.status();
        if (status != null) {
            payer.getListDataView().getItems().filter(p -> p.id().equals(status.payerId())).findFirst()
                    .ifPresent(payer::setValue);
        }
        report(outcome);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("paymentmethod.page-title");
    }

    /** The cards and the banner are worked out from data, so they are shown again in the new language. */
    @Override
    public void localeChange(LocaleChangeEvent event) {
        refresh();
        if (reported != null) {
            report(reported);
        }
    }

    private void report(SetupOutcome outcome) {
        reported = outcome;
        SetupStatus status = outcome.status();
        if (status == null) {
            banner.show(getTranslation(Objects.requireNonNullElse(outcome.errorKey(),
                    MethodSetupReturnView.NOT_FOUND)), Banner.ERROR);
            return;
        }
        banner.show(switch (status.status()) {
            case CONFIRMED -> getTranslation(status.isDefault() ? "paymentmethod.banner.saved-default"
                    : "paymentmethod.banner.saved", status.label());
            case PENDING -> getTranslation("paymentmethod.banner.pending");
            case FAILED -> getTranslation("paymentmethod.banner.failed", Objects.requireNonNullElseGet(
                    status.failureReason(), () -> getTranslation("paymentmethod.banner.declined-by-provider")));
            default -> getTranslation("paymentmethod.banner.status", status.label(),
                    statusName(status.status()).toLowerCase(Localized.localeOf(this)));
        }, status.status().name().toLowerCase(Locale.ROOT));
    }

    private String statusName(PaymentMethodStatus status) {
        return getTranslation("paymentmethod.status." + status.name());
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        listen(attach.getUI());
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        if (live != null) {
            live.remove();
            live = null;
        }
    }

    private void show(PayerId payerId) {
        shown = payerId;
        getUI().ifPresent(this::listen);
        refresh();
    }

    private void listen(UI ui) {
        if (live != null) {
            live.remove();
            live = null;
        }
        if (shown != null) {
            live = updates.register(ui, shown, change -> {
                refresh();
                announce(change);
            });
        }
    }

    /**
     * Says what a pushed change did ("Visa •••• 4242 is confirmed."): the list is drawn again, which a screen reader
     * would not notice, so the change goes into a polite live region of its own.
     */
    private void announce(PaymentMethodChanged change) {
        methods.methods(change.payerId()).stream().filter(item -> item.id().equals(change.methodId())).findFirst()
                .ifPresent(item -> announcement.setText(getTranslation("paymentmethod.banner.status", item.label(),
                        statusName(change.status()).toLowerCase(Localized.localeOf(this)))));
    }

    private void refresh() {
        list.removeAll();
        if (shown == null) {
            return;
        }
        List<MethodListItem> items = methods.methods(shown);
        if (items.isEmpty()) {
            var none = new Paragraph(getTranslation("paymentmethod.none"));
            none.setId("no-methods");
            list.add(none);
        }
        items.forEach(item -> list.add(card(item)));
    }

    private Div card(MethodListItem item) {
        String id = item.id().value().toString();
        var label = new Span(item.label());
        label.addClassName("method-label");
        var heading = new Div(label);
        heading.addClassName("method-heading");
        var status = new Span(statusName(item.status()));
        status.setId("status-" + id);
        status.addClassNames("badge", "method-status");
        status.getElement().setAttribute("data-status", item.status().name().toLowerCase(Locale.ROOT));
        heading.add(status);
        if (item.isDefault()) {
            var isDefault = new Span(getTranslation("paymentmethod.default"));
            isDefault.setId("default-badge-" + id);
            isDefault.addClassNames("badge", "method-default");
            heading.add(isDefault);
        }
        if (item.expiringSoon()) {
            var expiring = new Span(getTranslation("paymentmethod.expiring"));
            expiring.setId("expiring-" + id);
            expiring.addClassNames("badge", "method-expiring");
            heading.add(expiring);
        }
        var details = new Div();
        details.addClassName("detail-list");
        detail(details, getTranslation("paymentmethod.detail.provider"), item.providerName());
        detail(details, getTranslation("paymentmethod.detail.added"), added().format(item.createdAt()
                .atZone(times.zone())));
        if (item.expiresOn() != null) {
            detail(details, getTranslation("paymentmethod.detail.expires"), EXPIRES.format(item.expiresOn()));
        }
        var card = new Div(heading, details);
        card.setId("method-" + id);
        card.addClassName("method-card");
        if (item.status() == PaymentMethodStatus.FAILED && item.failureReason() != null) {
            var reason = new Paragraph(item.failureReason());
            reason.setId("reason-" + id);
            reason.addClassName("method-reason");
            card.add(reason);
        }
        if (mayManage && (item.mayBeDefault() || item.mayBeRemoved())) {
            var actions = new Div();
            actions.addClassName("method-actions");
            if (item.mayBeDefault()) {
                var makeDefault = new Button(getTranslation("paymentmethod.make-default"),
                        e -> act(() -> methods.makeDefault(item.id()),
                                getTranslation("paymentmethod.made-default", item.label())));
                makeDefault.setId("make-default-" + id);
                makeDefault.addThemeVariants(ButtonVariant.LUMO_SMALL);
                actions.add(makeDefault);
            }
            if (item.mayBeRemoved()) {
                var remove = new Button(getTranslation("paymentmethod.remove"), e -> confirmRemoval(item));
                remove.setId("remove-" + id);
                remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
                actions.add(remove);
            }
            card.add(actions);
        }
        return card;
    }

    private void confirmRemoval(MethodListItem item) {
        PaymentMethodService.RemovalImpact impact;
        try {
            impact = methods.removalImpact(item.id());
        } catch (InvalidRequestException refused) {
            error(refused.getLocalizedMessage());
            refresh();
            return;
        }
        new RemoveMethodDialog(impact, () -> methods.remove(item.id()), () -> {
            refresh();
            Notification.show(getTranslation("paymentmethod.removed", item.label()), 3000,
                            Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        }).open();
    }

    private void startSetup() {
        SetupProvider chosen = provider.getValue();
        if (shown == null || chosen == null) {
            error(getTranslation("paymentmethod.choose-first"));
            return;
        }
        try {
            PaymentMethodService.SetupStart start = methods.startSetup(shown, chosen.id());
            refresh();
            UI.getCurrent().getPage().setLocation(start.redirectUrl());
        } catch (InvalidRequestException refused) {
            error(refused.getLocalizedMessage());
            refresh();
        }
    }

    private void act(Runnable change, String done) {
        try {
            change.run();
        } catch (InvalidRequestException refused) {
            error(refused.getLocalizedMessage());
            refresh();
            return;
        }
        refresh();
        Notification.show(done, 3000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }


    private static void error(String message) {
        Notification.show(message, 6000, Notification.Position.TOP_CENTER)
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    /** "3 Dec 2026" in English, as the page always wrote it; the reader's own medium date in the other languages. */
    private DateTimeFormatter added() {
        Locale locale = Localized.localeOf(this);
        return Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? ADDED
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
    }

    private static void detail(Div list, String term, String value) {
        var label = new Span(term);
        label.addClassName("term");
        var text = new Span(value);
        text.addClassName("value");
        list.add(label, text);
    }
}
