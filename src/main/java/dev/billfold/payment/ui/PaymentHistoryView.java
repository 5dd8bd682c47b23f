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
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import dev.billfold.account.PayerDetails;
import dev.billfold.account.PayerId;
import dev.billfold.account.PayerService;
import dev.billfold.account.ui.ActivePayerChanged;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.ui.Banner;
import dev.billfold.base.ui.LocalTimes;
import dev.billfold.payment.BankConfirmation;
import dev.billfold.payment.Invoice;
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
@PageTitle("Payment history · Billfold")
@Menu(order = 2, title = "Payment history", icon = "vaadin:list")
@PermitAll
class PaymentHistoryView extends Div implements BeforeEnterObserver {

    static final String PAYMENT_PARAMETER = "payment";
    static final String ERROR_PARAMETER = "error";
    static final String NOT_FOUND = "payment-not-found";

    private final PaymentHistoryQuery history;
    private final PaymentService payments;
    private final PaymentDocuments documents;
    private final List<PaymentDetailSection> sections;
    private final Grid<PaymentRow> grid = new Grid<>();
    private final Select<Optional<PaymentStatus>> status = new Select<>();
    private final Select<Optional<PayerDetails>> payer = new Select<>();
    private final Div detail = new Div();
    private final Banner banner = new Banner("payment-banner", "payment-banner");
    private final LocalTimes times = LocalTimes.ofBrowser();
    /** The payment the customer just came back with, marked in the grid. */
    private @Nullable PaymentId highlighted;

    PaymentHistoryView(PaymentHistoryQuery history, PaymentService payments, PaymentDocuments documents,
                       PayerService payers, List<PaymentDetailSection> sections) {
        this.history = history;
        this.payments = payments;
        this.documents = documents;
        this.sections = sections.stream().sorted(Comparator.comparingInt(PaymentDetailSection::position)).toList();
        addClassName("history-view");

        status.setLabel("Status");
        status.setId("status-filter");
        status.setItems(statusChoices());
        status.setItemLabelGenerator(s -> s.map(PaymentStatus::label).orElse("All statuses"));
        status.setValue(Optional.empty());
        status.addValueChangeListener(e -> refresh());

        // Archived payers stay choosable here: their payments are still history.
        List<PayerDetails> all = payers.all();
        payer.setLabel("Payer");
        payer.setId("payer-filter");
        payer.setItems(payerChoices(all));
        payer.setItemLabelGenerator(p -> p.map(d -> d.displayName() + (d.archived() ? ", archived" : ""))
                .orElse("All payers"));
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
        grid.addColumn(row -> times.format(row.createdAt())).setHeader("Date (" + times.label() + ")")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(row -> row.amount().format()).setHeader("Amount").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(LitRenderer.<PaymentRow>of("<span class=\"badge status-${item.cls}\">${item.label}</span>"
                                + "<span class=\"status-note\">${item.note}</span>")
                        .withProperty("cls", row -> row.status().name().toLowerCase(Locale.ROOT).replace('_', '-'))
                        .withProperty("label", row -> row.status().label())
                        .withProperty("note", row -> row.statusNote() == null ? "" : row.statusNote()))
                .setHeader("Status").setAutoWidth(true);
        grid.addColumn(PaymentRow::methodLabel).setHeader("Method").setAutoWidth(true);
        grid.addColumn(PaymentRow::payerName).setHeader("Payer").setAutoWidth(true);
        grid.setPartNameGenerator(row -> row.id().equals(highlighted) ? "highlighted" : null);
        grid.setItems(query -> history.page(currentFilter(), query.getOffset(), query.getLimit()).stream(),
                query -> history.count(currentFilter()));
        grid.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() != null) {
                showDetail(e.getValue().id());
            }
        });

        detail.setId("payment-detail");
        detail.addClassName("payment-detail");
        detail.setVisible(false);

        add(new H2("Payment history"), banner, filters, grid, detail);
        addComponentAsFirst(PageTabs.history(PageTabs.PAYMENTS));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        // Vaadin reuses this instance when only the query changes (?payment=A, then ?payment=B or the menu link), so
        // start clean: an old banner or another payment's detail must never stay next to the new outcome.
        banner.hide();
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
                .ifPresent(error -> banner.show("We could not find that payment.", Banner.ERROR));
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
            banner.show(notFound.getMessage(), Banner.ERROR);
        }
    }

    private Button confirmButton(PaymentId id, String elementId) {
        var confirm = new Button("Confirm with your bank");
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
            banner.show(refused.getMessage(), Banner.ERROR);
            button.setEnabled(true);
        }
    }

    private PaymentDetails showDetail(PaymentId id) {
        PaymentDetails payment = history.details(id);
        detail.removeAll();
        detail.add(new H3("Payment of " + payment.amount().format()));
        var list = new Div();
        list.addClassName("detail-list");
        item(list, "Status", payment.status().label(), "detail-status");
        item(list, "What it means", payment.status().meaning(), null);
        if (payment.statusReason() != null) {
            item(list, "Reason", payment.statusReason(), "detail-reason");
        }
        item(list, "Amount", payment.amount().format(), "detail-amount");
        if (payment.paidIn() != null) {
            item(list, "Paid", payment.paidIn().describe(), "detail-paid-in");
        }
        item(list, "Payer", payment.payerName(), null);
        item(list, "Method", payment.methodLabel(), null);
        if (payment.providerReference() != null) {
            item(list, "Provider reference", payment.providerReference(), "detail-reference");
        }
        item(list, "Created", times.formatWithOffset(payment.createdAt()), null);
        item(list, "Last change", times.formatWithOffset(payment.updatedAt()), null);
        detail.add(list);
        if (payment.canConfirmWithBank()) {
            detail.add(confirmButton(payment.id(), "confirm-with-bank"));
        }
        if (payment.invoice() != null) {
            detail.add(invoice(payment.invoice()));
            detail.add(download("Download invoice (PDF)", "download-invoice", payment.id(), documents::invoice));
        }
        sections.forEach(section -> section.section(payment).ifPresent(detail::add));
        if (payment.status().hasReceipt()) {
            detail.add(download("Download receipt (PDF)", "download-receipt", payment.id(), documents::receipt));
        }
        detail.setVisible(true);
        return payment;
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
        var box = new Div(new H3("Invoice " + invoice.number()));
        box.setId("invoice-detail");
        box.addClassName("invoice");
        var list = new Div();
        list.addClassName("detail-list");
        item(list, "Invoice number", invoice.number(), "invoice-number");
        // What the invoice was issued with, as its PDF prints it (DD-094).
        if (invoice.seller() != null) {
            item(list, "Seller", String.join("\n", invoice.seller().block()), "invoice-seller");
        }
        item(list, "Pay to", invoice.payTo(invoice.issuedAccount()), "invoice-pay-to");
        item(list, "Bank details", invoice.bankDetails(invoice.issuedAccount()), "invoice-bank");
        item(list, "Payer", invoice.payerName(), null);
        if (invoice.payerTaxId() != null) {
            item(list, "Payer tax id", invoice.payerTaxId(), null);
        }
        item(list, "Payer address", invoice.payerAddress(), null);
        if (invoice.buyerCountryName() != null) {
            item(list, "Payer country", invoice.buyerCountryName(), "invoice-payer-country");
        }
        item(list, "Payment purpose", invoice.purpose(), "invoice-purpose");
        item(list, "Issued", times.formatWithOffset(invoice.issuedAt()), null);
        item(list, "Due", times.formatWithOffset(invoice.dueAt()), null);
        box.add(list);
        return box;
    }

    private static void item(Div list, String term, String value, @Nullable String id) {
        var label = new Span(term);
        label.addClassName("term");
        var text = new Span(value);
        text.addClassName("value");
        if (id != null) {
            text.setId(id);
        }
        list.add(label, text);
    }


    private static String bannerText(PaymentDetails payment) {
        return switch (payment.status()) {
            case CREDITED -> "Payment credited: %s was added to your balance.".formatted(payment.amount().format());
            case REJECTED -> "Payment rejected: "
                    + Optional.ofNullable(payment.statusReason()).orElse("the provider declined it.");
            case WAITING_FOR_PAYMENT -> payment.canConfirmWithBank()
                    ? "Payment waiting for you: your bank asks you to confirm it. Nothing has been charged yet."
                    : payment.invoice() != null
                    ? "Invoice %s issued. Pay it by bank transfer; the balance goes up when the money arrives."
                            .formatted(payment.invoice().number())
                    : "Payment waiting for confirmation"
                            + Optional.ofNullable(payment.statusReason()).map(r -> ": " + r).orElse(".");
            default -> "Payment " + payment.status().label().toLowerCase(Locale.ROOT) + ".";
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
