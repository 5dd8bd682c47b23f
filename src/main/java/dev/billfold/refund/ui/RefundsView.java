package dev.billfold.refund.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.ui.Banner;
import dev.billfold.base.ui.LocalTimes;
import dev.billfold.payment.PaymentDocument;
import dev.billfold.refund.RefundAsk;
import dev.billfold.refund.RefundQuote;
import dev.billfold.refund.RefundRequestId;
import dev.billfold.refund.RefundService;
import dev.billfold.refund.RefundSummary;
import dev.billfold.refund.RefundableTopUp;
import dev.billfold.ui.PageTabs;
import jakarta.annotation.security.PermitAll;
import java.util.Map;
import java.util.UUID;

/**
 * The history's "Refunds" tab: what of the balance can be refunded and how that was worked out, where each part would
 * go, what cannot be refunded and why; the request form for Owner and Billing members; and every request with its
 * status and, once money went back, its refund receipt.
 */
@Route(PageTabs.REFUNDS)
@PageTitle("Refunds · Billfold")
@PermitAll
class RefundsView extends Div implements BeforeEnterObserver {

    private final RefundService refunds;
    private final Banner banner = new Banner("refund-banner", "refund-banner");
    private final Div quote = new Div();
    private final Div form = new Div();
    private final Grid<RefundSummary> requests = new Grid<>();
    private final Span none = new Span("You have not asked for a refund yet.");
    private final LocalTimes times = LocalTimes.ofBrowser();
    /** One key per showing of the form: a double click, or the same form sent again, is one request. */
    private String requestKey = UUID.randomUUID().toString();

    RefundsView(RefundService refunds) {
        this.refunds = refunds;
        addClassName("refunds-view");
        quote.setId("refund-quote");
        form.setId("refund-form");
        requests.setId("refunds-grid");
        requests.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        requests.addColumn(r -> times.format(r.requestedAt())).setHeader("Requested (" + times.label() + ")")
                .setWidth("10rem").setFlexGrow(0);
        requests.addColumn(r -> r.amount().format()).setHeader("Amount").setWidth("8rem").setFlexGrow(0);
        requests.addColumn(RefundSummary::destinationsText).setHeader("Goes back to").setFlexGrow(2);
        requests.addComponentColumn(RefundsView::status).setHeader("Status").setFlexGrow(1);
        requests.addComponentColumn(this::receipt).setHeader("").setKey("receipt").setWidth("10rem").setFlexGrow(0);
        requests.setAllRowsVisible(true);
        none.setId("refunds-none");
        add(PageTabs.history(PageTabs.REFUNDS), new H2("Refunds"), banner, quote, form, new H3("Your requests"),
                requests, none);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        banner.hide();
        refresh();
    }

    private void refresh() {
        RefundQuote current = refunds.quote();
        showQuote(current);
        showForm(current);
        int count = refunds.count();
        requests.setItems(query -> refunds.requests(query.getOffset(), query.getLimit()).stream(),
                query -> refunds.count());
        requests.setVisible(count > 0);
        none.setVisible(count == 0);
    }

    private void showQuote(RefundQuote current) {
        quote.removeAll();
        var refundable = new Paragraph("Refundable now: " + current.refundable().format());
        refundable.setId("refund-refundable");
        refundable.addClassName("refund-refundable");
        quote.add(refundable);
        var explanation = new Div();
        explanation.setId("refund-explanation");
        current.explanation().forEach(line -> explanation.add(new Paragraph(line)));
        quote.add(explanation);
        if (!current.destinations().isEmpty()) {
            var where = new Paragraph("Where it goes back to: " + current.destinationsText());
            where.setId("refund-destinations");
            quote.add(where);
        }
        var blocked = new Div();
        blocked.setId("refund-not-refundable");
        for (RefundableTopUp topUp : current.topUps()) {
            if (topUp.notRefundable() != null) {
                blocked.add(new Paragraph("%s, %s (%s): %s".formatted(topUp.destination(), topUp.credited().format(),
                        times.format(topUp.creditedAt()), topUp.notRefundable())));
            }
        }
        if (blocked.getComponentCount() > 0) {
            quote.add(new H3("Not refundable"), blocked);
        }
        quote.add(new Paragraph(current.approvedAtOnce()
                ? "A refund is sent to your payment methods at once."
                : "A refund is reserved from your balance at once, and sent once our billing team approves it."));
    }

    private void showForm(RefundQuote current) {
        form.removeAll();
        if (!current.mayAsk()) {
            form.add(new Paragraph("Only owners and billing members can ask for a refund."));
            return;
        }
        if (!current.refundable().isPositive()) {
            return;
        }
        var amount = new TextField("Amount to refund");
        amount.setId("refund-amount");
        amount.setValue(current.refundable().value().toPlainString());
        amount.setHelperText("Up to " + current.refundable().format() + "; taken from your most recent top-ups first.");
        var holder = new TextField("Account holder");
        holder.setId("refund-payout-holder");
        var iban = new TextField("IBAN");
        iban.setId("refund-payout-iban");
        var bic = new TextField("BIC (optional)");
        bic.setId("refund-payout-bic");
        var payout = new Div(new Paragraph("Money you paid by bank transfer goes back by bank transfer: tell us the "
                + "account to send it to."), holder, iban, bic);
        payout.setId("refund-payout");
        payout.setVisible(current.includesPayout());
        var ask = new Button("Ask for a refund");
        ask.setId("refund-ask");
        ask.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        ask.setDisableOnClick(true);
        Map<String, TextField> fields = Map.of("amount", amount, "payoutHolder", holder, "payoutIban", iban,
                "payoutBic", bic);
        ask.addClickListener(e -> {
            fields.values().forEach(f -> f.setInvalid(false));
            try {
                RefundSummary done = refunds.request(new RefundAsk(amount.getValue(), requestKey, holder.getValue(),
                        iban.getValue(), bic.getValue()));
                requestKey = UUID.randomUUID().toString();
                refresh();
                banner.show("Refund of %s asked for: %s. %s".formatted(done.amount().format(),
                        done.destinationsText(), done.status()), Banner.SUCCESS);
            } catch (InvalidRequestException refused) {
                TextField field = refused.field() == null ? null : fields.get(refused.field());
                if (field != null) {
                    field.setErrorMessage(refused.getMessage());
                    field.setInvalid(true);
                } else {
                    banner.show(refused.getMessage(), Banner.ERROR);
                }
                ask.setEnabled(true);
            }
        });
        form.add(new H3("Ask for a refund"), amount, payout, ask);
    }

    private static Span status(RefundSummary refund) {
        var status = new Span(refund.reason() == null ? refund.status() : refund.status() + ": " + refund.reason());
        status.addClassName("refund-status");
        return status;
    }

    private Div receipt(RefundSummary refund) {
        var cell = new Div();
        if (refund.hasReceipt()) {
            cell.add(download(refund.id()));
        }
        return cell;
    }

    /** The credit note; the service checks access again when the link is used. */
    private Anchor download(RefundRequestId id) {
        DownloadHandler handler = event -> {
            PaymentDocument document;
            try {
                document = refunds.receipt(id);
            } catch (InvalidRequestException refused) {
                event.getResponse().sendError(404, refused.getMessage());
                return;
            }
            event.setFileName(document.fileName());
            event.setContentType(PaymentDocument.CONTENT_TYPE);
            event.setContentLength(document.pdf().length);
            event.getOutputStream().write(document.pdf());
        };
        var anchor = new Anchor(handler, "Refund receipt (PDF)");
        anchor.addClassName("refund-receipt");
        anchor.getElement().setAttribute("download", true);
        return anchor;
    }
}
