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
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.Money;
import dev.billfold.base.ui.Banner;
import dev.billfold.base.ui.LocalTimes;
import dev.billfold.base.ui.Localized;
import dev.billfold.payment.PaymentDocument;
import dev.billfold.refund.RefundAsk;
import dev.billfold.refund.RefundQuote;
import dev.billfold.refund.RefundRequestId;
import dev.billfold.refund.RefundService;
import dev.billfold.refund.RefundSummary;
import dev.billfold.refund.RefundableTopUp;
import dev.billfold.ui.PageTabs;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The history's "Refunds" tab: what of the balance can be refunded and how that was worked out, where each part would
 * go, what cannot be refunded and why; the request form for Owner and Billing members; and every request with its
 * status and, once money went back, its refund receipt. A language switch renders the quote and the list again and
 * relabels the form, keeping what is typed in it.
 */
@Route(PageTabs.REFUNDS)
@PermitAll
class RefundsView extends Div implements BeforeEnterObserver, HasDynamicTitle, LocaleChangeObserver {

    /** The language the data-driven texts were last rendered in; attaching calls localeChange too. */
    private @Nullable Locale renderedIn;
    private final RefundService refunds;
    private final Banner banner = new Banner("refund-banner", "refund-banner");
    private final Div quote = new Div();
    private final Div form = new Div();
    private final Grid<RefundSummary> requests = new Grid<>();
    private final Span none = Localized.text(new Span(), "refund.customer.none");
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
        RefundTexts.header(requests.addColumn(r -> times.format(r.requestedAt())), "refund.column.requested-at",
                times.label()).setWidth("10rem").setFlexGrow(0);
        RefundTexts.header(requests.addColumn(r -> r.amount().format()), "refund.column.amount").setWidth("8rem")
                .setFlexGrow(0);
        RefundTexts.header(requests.addColumn(RefundSummary::destinationsText), "refund.column.goes-back-to")
                .setFlexGrow(2);
        RefundTexts.header(requests.addComponentColumn(this::status), "refund.column.status").setFlexGrow(1);
        requests.addComponentColumn(this::receipt).setHeader("").setKey("receipt").setWidth("10rem").setFlexGrow(0);
        requests.setAllRowsVisible(true);
        none.setId("refunds-none");
        add(PageTabs.history(PageTabs.REFUNDS), Localized.text(new H2(), "refund.customer.title"), banner, quote,
                form, Localized.text(new H3(), "refund.customer.requests"), requests, none);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("refund.customer.page-title");
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        if (event.getLocale().equals(renderedIn)) {
            return;
        }
        showQuote(refunds.quote());
        requests.getDataProvider().refreshAll();
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
        renderedIn = Localized.localeOf(this);
        quote.removeAll();
        var refundable = new Paragraph(getTranslation("refund.customer.refundable", current.refundable().format()));
        refundable.setId("refund-refundable");
        refundable.addClassName("refund-refundable");
        quote.add(refundable);
        var explanation = new Div();
        explanation.setId("refund-explanation");
        explanation(current).forEach(line -> explanation.add(new Paragraph(line)));
        quote.add(explanation);
        if (!current.destinations().isEmpty()) {
            var where = new Paragraph(getTranslation("refund.customer.destinations", current.destinationsText()));
            where.setId("refund-destinations");
            quote.add(where);
        }
        var blocked = new Div();
        blocked.setId("refund-not-refundable");
        for (RefundableTopUp topUp : current.topUps()) {
            if (topUp.notRefundable() != null) {
                blocked.add(new Paragraph(getTranslation("refund.customer.not-refundable-line", topUp.destination(),
                        topUp.credited().format(), times.format(topUp.creditedAt()), topUp.notRefundable())));
            }
        }
        if (blocked.getComponentCount() > 0) {
            quote.add(new H3(getTranslation("refund.customer.not-refundable")), blocked);
        }
        quote.add(new Paragraph(getTranslation(current.approvedAtOnce() ? "refund.customer.sent-at-once"
                : "refund.customer.approved-first")));
    }

    /** {@link RefundQuote#explanation()} in the page's language. */
    private List<String> explanation(RefundQuote current) {
        Money balance = current.balance();
        Money topUps = current.refundableTopUps();
        List<String> lines = new ArrayList<>();
        lines.add(getTranslation("refund.explain.balance", balance.format(), topUps.format()));
        lines.add(getTranslation("refund.explain.lower", current.refundable().format()));
        if (topUps.isGreaterThan(balance)) {
            Money spent = balance.isNegative() ? topUps : topUps.minus(balance);
            lines.add(getTranslation("refund.explain.spent", spent.format()));
        }
        if (balance.isGreaterThan(topUps)) {
            lines.add(getTranslation("refund.explain.not-refundable", balance.minus(topUps).format()));
        }
        if (current.grantedCredit().isPositive()) {
            lines.add(getTranslation("refund.explain.granted", current.grantedCredit().format()));
        }
        return lines;
    }

    private void showForm(RefundQuote current) {
        form.removeAll();
        if (!current.mayAsk()) {
            form.add(Localized.text(new Paragraph(), "refund.customer.may-not-ask"));
            return;
        }
        if (!current.refundable().isPositive()) {
            return;
        }
        var amount = label(new TextField(), "refund.customer.amount");
        amount.setId("refund-amount");
        amount.setValue(current.refundable().value().toPlainString());
        Localized.bind(amount, amount::setHelperText, "refund.customer.amount.helper", current.refundable().format());
        var holder = label(new TextField(), "refund.customer.holder");
        holder.setId("refund-payout-holder");
        var iban = label(new TextField(), "refund.customer.iban");
        iban.setId("refund-payout-iban");
        var bic = label(new TextField(), "refund.customer.bic");
        bic.setId("refund-payout-bic");
        var payout = new Div(Localized.text(new Paragraph(), "refund.customer.payout-hint"), holder, iban, bic);
        payout.setId("refund-payout");
        payout.setVisible(current.includesPayout());
        var ask = Localized.text(new Button(), "refund.customer.ask");
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
                banner.show(getTranslation("refund.customer.asked", done.amount().format(),
                        done.destinationsText(), RefundTexts.progress(this, done)), Banner.SUCCESS);
            } catch (InvalidRequestException refused) {
                TextField field = refused.field() == null ? null : fields.get(refused.field());
                if (field != null) {
                    field.setErrorMessage(refused.getLocalizedMessage());
                    field.setInvalid(true);
                } else {
                    banner.show(refused.getLocalizedMessage(), Banner.ERROR);
                }
                ask.setEnabled(true);
            }
        });
        form.add(Localized.text(new H3(), "refund.customer.ask-title"), amount, payout, ask);
    }

    private static TextField label(TextField field, String key) {
        return Localized.bind(field, field::setLabel, key);
    }

    private Span status(RefundSummary refund) {
        var status = new Span(RefundTexts.statusWithReason(this, refund));
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
        var anchor = new Anchor(handler, getTranslation("refund.customer.receipt"));
        anchor.addClassName("refund-receipt");
        anchor.getElement().setAttribute("download", true);
        return anchor;
    }
}
