package dev.billfold.payment.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.function.SerializableFunction;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import dev.billfold.account.PayerDetails;
import dev.billfold.account.PayerId;
import dev.billfold.account.PayerService;
import dev.billfold.account.ui.ActivePayerChanged;
import dev.billfold.account.ui.PayerLabels;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.ui.Banner;
import dev.billfold.base.ui.CompactRows;
import dev.billfold.base.ui.LocalTimes;
import dev.billfold.base.ui.Localized;
import dev.billfold.base.ui.PageTitles;
import dev.billfold.payment.BankConfirmation;
import dev.billfold.payment.Invoice;
import dev.billfold.payment.MethodKind;
import dev.billfold.payment.PaidInOtherCurrency;
import dev.billfold.payment.PaymentDetails;
import dev.billfold.payment.PaymentDocument;
import dev.billfold.payment.PaymentDocuments;
import dev.billfold.payment.PaymentHistoryQuery;
import dev.billfold.payment.PaymentId;
import dev.billfold.payment.PaymentRow;
import dev.billfold.payment.PaymentService;
import dev.billfold.payment.PaymentStatus;
import dev.billfold.ui.PageTabs;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Every payment of the account, newest first, with a detail for the selected one. */
@Route(PageTabs.PAYMENTS)
@Menu(order = 2, title = "Payment history", icon = "vaadin:list")
@PermitAll
class PaymentHistoryView extends Div implements BeforeEnterObserver, HasDynamicTitle, LocaleChangeObserver {

    static final String PAYMENT_PARAMETER = "payment";
    static final String ERROR_PARAMETER = "error";
    static final String NOT_FOUND = "payment-not-found";
    /** Six significant digits, as {@link PaidInOtherCurrency#describe()} shows the rate. */
    private static final java.math.MathContext PAID_IN_RATE = new java.math.MathContext(6,
            java.math.RoundingMode.HALF_EVEN);

    private final PaymentHistoryQuery history;
    private final PaymentService payments;
    private final PaymentDocuments documents;
    private final List<PaymentDetailSection> sections;
    private final Grid<PaymentRow> grid = new Grid<>();
    private final Select<Optional<PaymentStatus>> status = new Select<>();
    private final Select<Optional<PayerDetails>> payer = new Select<>();
    private final Div detail = new Div();
    private final CompactRows<PaymentRow> compactRows;
    private final Banner banner = new Banner("payment-banner", "payment-banner");
    private final LocalTimes times = LocalTimes.ofBrowser();
    /** The payment the customer just came back with, marked in the grid. */
    private @Nullable PaymentId highlighted;
    /** The payment whose detail is shown, and whether the banner says one was not found: for a language switch. */
    private @Nullable PaymentId detailed;
    private boolean notFoundShown;

    PaymentHistoryView(PaymentHistoryQuery history, PaymentService payments, PaymentDocuments documents,
                       PayerService payers, List<PaymentDetailSection> sections) {
        this.history = history;
        this.payments = payments;
        this.documents = documents;
        this.sections = sections.stream().sorted(Comparator.comparingInt(PaymentDetailSection::position)).toList();
        addClassName("history-view");
        PageTitles.follow(this, "payment.history.page-title");

        Localized.bind(status, status::setLabel, "payment.history.status");
        status.setId("status-filter");
        status.setItems(statusChoices());
        status.setItemLabelGenerator(this::statusChoiceLabel);
        status.setValue(Optional.empty());
        status.addValueChangeListener(e -> refresh());

        // Archived payers stay choosable here: their payments are still history.
        List<PayerDetails> all = payers.all();
        Localized.bind(payer, payer::setLabel, "payment.history.payer");
        payer.setId("payer-filter");
        payer.setItems(payerChoices(all));
        payer.setItemLabelGenerator(this::payerChoiceLabel);
        payer.setValue(Optional.empty());
        payer.setVisible(all.size() > 1);
        // Starts on the header's active payer and follows it; "All payers" stays one click away.
        payers.active().ifPresent(active -> showPayer(active.id()));
        ActivePayerChanged.follow(this, active -> showPayer(active.id()));
        payer.addValueChangeListener(e -> refresh());

        var filters = new Div(status, payer);
        filters.addClassName("filters");

        grid.setId("history-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        var date = grid.addColumn(row -> times.format(row.createdAt(), Localized.localeOf(grid)))
                .setAutoWidth(true).setFlexGrow(0);
        Localized.bind(grid, date::setHeader, "payment.history.column.date", times.label());
        var amount = grid.addColumn(row -> row.amount().format(Localized.localeOf(grid)))
                .setAutoWidth(true).setFlexGrow(0);
        Localized.bind(grid, amount::setHeader, "payment.history.column.amount");
        var statusColumn = grid.addColumn(LitRenderer.<PaymentRow>of(
                                "<span class=\"badge status-${item.cls}\">${item.label}</span>"
                                + "<span class=\"status-note\">${item.note}</span>")
                        .withProperty("cls", row -> row.status().name().toLowerCase(Locale.ROOT).replace('_', '-'))
                        .withProperty("label", row -> statusName(row.status()))
                        .withProperty("note", row -> row.note() == null ? ""
                                : getTranslation(Localized.localeOf(grid), row.note().key(), row.note().params())))
                .setAutoWidth(true);
        Localized.bind(grid, statusColumn::setHeader, "payment.history.column.status");
        var method = grid.addColumn(row -> row.methodText() == null ? row.methodLabel()
                : getTranslation(Localized.localeOf(grid), row.methodText().key(), row.methodText().params()))
                .setAutoWidth(true);
        Localized.bind(grid, method::setHeader, "payment.history.column.method");
        var payerColumn = grid.addColumn(PaymentRow::payerName).setAutoWidth(true);
        Localized.bind(grid, payerColumn::setHeader, "payment.history.column.payer");
        // On a phone one column: date · amount · status; the method and the payer are in the detail (DD-102).
        var compact = grid.addColumn(LitRenderer.<PaymentRow>of(
                                "<span class=\"compact-row\">${item.date} · ${item.amount} · "
                                + "<span class=\"badge status-${item.cls}\">${item.label}</span></span>")
                        .withProperty("date", row -> times.format(row.createdAt(), Localized.localeOf(grid)))
                        .withProperty("amount", row -> row.amount().format(Localized.localeOf(grid)))
                        .withProperty("cls", row -> row.status().name().toLowerCase(Locale.ROOT).replace('_', '-'))
                        .withProperty("label", row -> statusName(row.status())))
                .setFlexGrow(1);
        Localized.bind(grid, compact::setHeader, locale -> String.join(" · ",
                grid.getTranslation(locale, "payment.history.column.date", times.label()),
                grid.getTranslation(locale, "payment.history.column.amount"),
                grid.getTranslation(locale, "payment.history.column.status")));
        compactRows = CompactRows.of(grid, compact);
        grid.setPartNameGenerator(row -> row.id().equals(highlighted) ? "highlighted" : null);
        grid.setItems(query -> history.page(currentFilter(), query.getOffset(), query.getLimit()).stream(),
                query -> history.count(currentFilter()));
        grid.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() != null) {
                showDetail(e.getValue().id());
                if (compactRows.isCompact()) {
                    // Below a tall grid on a phone: bring the detail to the reader.
                    detail.scrollIntoView();
                }
            }
        });

        detail.setId("payment-detail");
        detail.addClassName("payment-detail");
        detail.setVisible(false);

        add(Localized.text(new H2(), "payment.history.title"), banner, filters, grid, detail);
        addComponentAsFirst(PageTabs.history(PageTabs.PAYMENTS));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("payment.history.page-title");
    }

    /** Rows, choices, the detail and the banner are worked out from data: shown again in the new language. */
    @Override
    public void localeChange(LocaleChangeEvent event) {
        status.setItemLabelGenerator(this::statusChoiceLabel);
        payer.setItemLabelGenerator(this::payerChoiceLabel);
        refresh();
        if (notFoundShown) {
            banner.show(getTranslation("payment.history.not-found"), Banner.ERROR);
        }
        if (highlighted != null) {
            showOutcome(highlighted);
        } else if (detailed != null) {
            showDetail(detailed);
        }
    }

    private String statusChoiceLabel(Optional<PaymentStatus> choice) {
        return choice.map(this::statusName).orElseGet(() -> getTranslation("payment.history.all-statuses"));
    }

    private String payerChoiceLabel(Optional<PayerDetails> choice) {
        return choice.map(d -> d.archived()
                        ? getTranslation("payment.history.archived-payer", PayerLabels.of(d, this))
                        : PayerLabels.of(d, this))
                .orElseGet(() -> getTranslation("payment.history.all-payers"));
    }

    private String statusName(PaymentStatus status) {
        return getTranslation("payment.status." + status.name());
    }
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        // Vaadin reuses this instance when only the query changes (?payment=A, then ?payment=B or the menu link), so
        // start clean: an old banner or another payment's detail must never stay next to the new outcome.
        banner.hide();
        notFoundShown = false;
        detailed = null;
        detail.setVisible(false);
        detail.removeAll();
        grid.deselectAll();
        if (highlighted != null) {
            highlighted = null;
            refresh();
        }
        var parameters = event.getLocation().getQueryParameters();
        // Only known codes: text from the address bar is never shown, so nobody can put words in our mouth.
        parameters.getSingleParameter(ERROR_PARAMETER).filter(NOT_FOUND::equals)
                .ifPresent(error -> {
                    banner.show(getTranslation("payment.history.not-found"), Banner.ERROR);
                    notFoundShown = true;
                });
        parameters.getSingleParameter(PAYMENT_PARAMETER).flatMap(PaymentHistoryView::parseId)
                .ifPresent(this::showOutcome);
    }

    /** A payment the customer just acted on: highlighted, with its detail and a banner saying where it stands. */
    private void showOutcome(PaymentId id) {
        try {
            PaymentDetails payment = showDetail(id);
            highlighted = id;
            refresh();
            banner.show(bannerText(payment), payment.status().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            if (payment.canConfirmWithBank()) {
                // The top-up's result: the action right where the customer reads that it is needed.
                banner.add(confirmButton(payment.id(), "banner-confirm-with-bank"));
            }
        } catch (InvalidRequestException notFound) {
            banner.show(notFound.getLocalizedMessage(), Banner.ERROR);
        }
    }

    private Button confirmButton(PaymentId id, String elementId) {
        var confirm = Localized.text(new Button(), "payment.history.confirm-with-bank");
        confirm.setId(elementId);
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setDisableOnClick(true);
        confirm.addClickListener(e -> confirmWithBank(id, confirm));
        return confirm;
    }

    /** Sends the customer to their bank for a charge that waits for them; the return route brings them back here. */
    private void confirmWithBank(PaymentId id, Button button) {
        try {
            switch (payments.confirmWithBank(id)) {
                case BankConfirmation.GoToBank bank -> UI.getCurrent().getPage().setLocation(bank.url());
                case BankConfirmation.Settled settled -> showOutcome(settled.payment().id());
            }
        } catch (InvalidRequestException refused) {
            banner.show(refused.getLocalizedMessage(), Banner.ERROR);
            button.setEnabled(true);
        }
    }

    private PaymentDetails showDetail(PaymentId id) {
        PaymentDetails payment = history.details(id);
        Locale locale = Localized.localeOf(this);
        detailed = id;
        detail.removeAll();
        detail.add(new H3(getTranslation("payment.detail.title", payment.amount().format(locale))));
        var list = new Div();
        list.addClassName("detail-list");
        item(list, "payment.detail.status", statusName(payment.status()), "detail-status");
        item(list, "payment.detail.meaning", getTranslation("payment.status-meaning." + payment.status().name()),
                null);
        if (payment.statusReason() != null) {
            item(list, "payment.detail.reason", payment.statusReason(), "detail-reason");
        }
        item(list, "payment.detail.amount", payment.amount().format(locale), "detail-amount");
        if (payment.paidIn() != null) {
            item(list, "payment.detail.paid", paidIn(payment.paidIn(), locale), "detail-paid-in");
        }
        item(list, "payment.detail.payer", payment.payerName(), null);
        item(list, "payment.detail.method", payment.methodKind() != MethodKind.INVOICE ? payment.methodLabel()
                : payment.invoice() == null ? getTranslation("payment.history.method.bank-transfer")
                : getTranslation("payment.history.method.invoice", payment.invoice().number()), null);
        if (payment.providerReference() != null) {
            item(list, "payment.detail.provider-reference", payment.providerReference(), "detail-reference");
        }
        item(list, "payment.detail.created", times.formatWithOffset(payment.createdAt(), locale), null);
        item(list, "payment.detail.updated", times.formatWithOffset(payment.updatedAt(), locale), null);
        detail.add(list);
        if (payment.canConfirmWithBank()) {
            detail.add(confirmButton(payment.id(), "confirm-with-bank"));
        }
        if (payment.invoice() != null) {
            detail.add(invoice(payment.invoice()));
            detail.add(download(getTranslation("payment.detail.download-invoice"), "download-invoice", payment.id(),
                    documents::invoice));
        }
        sections.forEach(section -> section.section(payment).ifPresent(detail::add));
        if (payment.status().hasReceipt()) {
            detail.add(download(getTranslation("payment.detail.download-receipt"), "download-receipt", payment.id(),
                    documents::receipt));
        }
        detail.setVisible(true);
        return payment;
    }

    /** "275 345,75 UZS по курсу 1 UZS = 0,0363180 KZT ...": the charge in the other currency and its locked rate. */
    private String paidIn(PaidInOtherCurrency paid, Locale locale) {
        return getTranslation("payment.detail.paid-in", paid.paid().format(locale),
                paid.paid().currencyCode(), paid.rate().round(PAID_IN_RATE).toPlainString(),
                paid.credited().currencyCode(), paid.rateSource(), paid.rateDate().toString(),
                paid.spreadPercent().stripTrailingZeros().toPlainString());
    }

    /**
     * A link whose request makes the PDF; the service checks access again then, since the payment may have changed
     * (or the link been copied) after the detail was shown.
     */
    private static Anchor download(String text, String id, PaymentId payment,
                                   SerializableFunction<PaymentId, PaymentDocument> make) {
        DownloadHandler handler = event -> {
            PaymentDocument document;
            try {
                document = make.apply(payment);
            } catch (InvalidRequestException refused) {
                event.getResponse().sendError(404, refused.getMessage());
                return;
            }
            event.setFileName(document.fileName());
            event.setContentType(PaymentDocument.CONTENT_TYPE);
            event.setContentLength(document.pdf().length);
            event.getOutputStream().write(document.pdf());
        };
        var anchor = new Anchor(handler, text);
        anchor.setId(id);
        anchor.addClassName("download");
        anchor.getElement().setAttribute("download", true);
        return anchor;
    }

    private Div invoice(Invoice invoice) {
        Locale locale = Localized.localeOf(this);
        var box = new Div(new H3(getTranslation("payment.invoice.title", invoice.number())));
        box.setId("invoice-detail");
        box.addClassName("invoice");
        var list = new Div();
        list.addClassName("detail-list");
        item(list, "payment.invoice.number", invoice.number(), "invoice-number");
        // What the invoice was issued with, as its PDF prints it (DD-094).
        if (invoice.seller() != null) {
            item(list, "payment.invoice.seller", String.join("\n", invoice.seller().block()), "invoice-seller");
        }
        item(list, "payment.invoice.pay-to", invoice.payTo(invoice.issuedAccount()), "invoice-pay-to");
        item(list, "payment.invoice.bank-details", invoice.bankDetails(invoice.issuedAccount()), "invoice-bank");
        item(list, "payment.invoice.payer", invoice.payerName(), null);
        if (invoice.payerTaxId() != null) {
            item(list, "payment.invoice.payer-tax-id", invoice.payerTaxId(), null);
        }
        item(list, "payment.invoice.payer-address", invoice.payerAddress(), null);
        if (invoice.buyerCountryName() != null) {
            item(list, "payment.invoice.payer-country", invoice.buyerCountryName(), "invoice-payer-country");
        }
        item(list, "payment.invoice.purpose", invoice.purpose(), "invoice-purpose");
        item(list, "payment.invoice.issued", times.formatWithOffset(invoice.issuedAt(), locale), null);
        item(list, "payment.invoice.due", times.formatWithOffset(invoice.dueAt(), locale), null);
        box.add(list);
        return box;
    }

    /** A term (its bundle key) and its value, which is data or already in the page's language. */
    private static void item(Div list, String termKey, String value, @Nullable String id) {
        var label = Localized.text(new Span(), termKey);
        label.addClassName("term");
        var text = new Span(value);
        text.addClassName("value");
        if (id != null) {
            text.setId(id);
        }
        list.add(label, text);
    }


    private String bannerText(PaymentDetails payment) {
        Locale locale = Localized.localeOf(this);
        String reason = payment.statusReason();
        return switch (payment.status()) {
            case CREDITED -> getTranslation("payment.banner.credited", payment.amount().format(locale));
            case REJECTED -> getTranslation("payment.banner.rejected",
                    reason != null ? reason : getTranslation("payment.banner.declined-by-provider"));
            case WAITING_FOR_PAYMENT -> payment.canConfirmWithBank()
                    ? getTranslation("payment.banner.confirm-with-bank")
                    : payment.invoice() != null
                    ? getTranslation("payment.banner.invoice-issued", payment.invoice().number())
                    : reason != null ? getTranslation("payment.banner.waiting-because", reason)
                    : getTranslation("payment.banner.waiting");
            default -> getTranslation("payment.banner.status", statusName(payment.status()).toLowerCase(locale));
        };
    }

    private void showPayer(PayerId id) {
        if (payer.isVisible()) {
            payer.getListDataView().getItems().filter(p -> p.map(d -> d.id().equals(id)).orElse(false)).findFirst()
                    .ifPresent(payer::setValue);
        }
    }

    private PaymentHistoryQuery.Filter currentFilter() {
        return new PaymentHistoryQuery.Filter(status.getValue() == null ? null : status.getValue().orElse(null),
                payer.getValue() == null ? null : payer.getValue().map(PayerDetails::id).orElse(null));
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }

    private static List<Optional<PaymentStatus>> statusChoices() {
        var choices = new ArrayList<Optional<PaymentStatus>>();
        choices.add(Optional.empty());
        for (PaymentStatus s : PaymentStatus.values()) {
            choices.add(Optional.of(s));
        }
        return choices;
    }

    private static List<Optional<PayerDetails>> payerChoices(List<PayerDetails> payers) {
        var choices = new ArrayList<Optional<PayerDetails>>();
        choices.add(Optional.empty());
        payers.forEach(p -> choices.add(Optional.of(p)));
        return choices;
    }

    private static Optional<PaymentId> parseId(String text) {
        try {
            return Optional.of(new PaymentId(UUID.fromString(text)));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }
}
