package dev.billfold.document.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.ui.Banner;
import dev.billfold.base.ui.LocalTimes;
import dev.billfold.base.ui.Localized;
import dev.billfold.base.ui.NoAccountNeeded;
import dev.billfold.document.PaymentOrderItem;
import dev.billfold.document.PaymentOrderReview;
import dev.billfold.staff.StaffRole;
import dev.billfold.staff.ui.OpsLayout;
import jakarta.annotation.security.RolesAllowed;

/**
 * Payment orders under review, oldest first, each with its document: Finance credits the invoice conditionally or
 * rejects the order with a reason the customer reads. Below, the conditional credits whose transfer has not arrived
 * in time, for Finance to reverse. Support reads both lists.
 */
@Route(value = PaymentOrdersView.ROUTE, layout = OpsLayout.class)
@RolesAllowed({StaffRole.Names.SUPPORT, StaffRole.Names.FINANCE})
@NoAccountNeeded
public class PaymentOrdersView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle,
        LocaleChangeObserver {

    static final String ROUTE = "ops/payment-orders";

    private final PaymentOrderReview review;
    private final boolean finance;
    private final LocalTimes times = LocalTimes.ofBrowser();
    private final Banner banner = new Banner("payment-orders-banner", "ops-banner");
    private final Grid<PaymentOrderItem> queue = new Grid<>();
    private final Span none = Localized.text(new Span(), "document.payment-orders.none");
    private final Grid<PaymentOrderItem> overdue = new Grid<>();
    private final Span noneOverdue = Localized.text(new Span(), "document.payment-orders.none-overdue");

    PaymentOrdersView(PaymentOrderReview review) {
        this.review = review;
        this.finance = DocumentLinks.finance();
        addClassName("payment-orders-view");

        queue.setId("payment-orders-queue");
        queue.setWidthFull();
        queue.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        header(queue.addColumn(o -> times.format(o.uploadedAt())), "document.column.sent", times.label())
                .setWidth("9rem").setFlexGrow(0);
        header(queue.addComponentColumn(PaymentOrdersView::account), "document.column.account").setFlexGrow(1);
        header(queue.addColumn(PaymentOrderItem::payerName), "document.column.payer").setFlexGrow(1);
        header(queue.addColumn(o -> o.invoiceNumber() == null ? "" : o.invoiceNumber()), "document.column.invoice")
                .setWidth("9rem").setFlexGrow(0);
        header(queue.addColumn(o -> o.amount().format()), "document.column.amount").setWidth("8rem").setFlexGrow(0);
        header(queue.addComponentColumn(this::document), "document.column.payment-order").setKey("document")
                .setFlexGrow(1);
        header(queue.addColumn(PaymentOrderItem::uploadedBy), "document.column.sent-by").setWidth("8rem")
                .setFlexGrow(0);
        if (finance) {
            queue.addComponentColumn(this::decisions).setHeader("").setKey("actions").setWidth("16rem")
                    .setFlexGrow(0).setFrozenToEnd(true);
        }
        queue.setAllRowsVisible(true);
        none.setId("payment-orders-none");

        overdue.setId("payment-orders-overdue");
        overdue.setWidthFull();
        overdue.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        header(overdue.addColumn(o -> o.decidedAt() == null ? "" : times.format(o.decidedAt())),
                "document.column.credited", times.label()).setWidth("9rem").setFlexGrow(0);
        header(overdue.addComponentColumn(PaymentOrdersView::account), "document.column.account").setFlexGrow(1);
        header(overdue.addColumn(o -> o.invoiceNumber() == null ? "" : o.invoiceNumber()), "document.column.invoice")
                .setWidth("9rem").setFlexGrow(0);
        header(overdue.addColumn(o -> o.amount().format()), "document.column.amount").setWidth("8rem")
                .setFlexGrow(0);
        header(overdue.addComponentColumn(this::document), "document.column.payment-order").setFlexGrow(1);
        header(overdue.addColumn(o -> o.decidedBy() == null ? "" : o.decidedBy()), "document.column.credited-by")
                .setWidth("8rem").setFlexGrow(0);
        if (finance) {
            overdue.addComponentColumn(this::reverseButton).setHeader("").setKey("actions").setWidth("8rem")
                    .setFlexGrow(0).setFrozenToEnd(true);
        }
        overdue.setAllRowsVisible(true);
        noneOverdue.setId("payment-orders-overdue-none");

        var overdueHint = Localized.text(new Paragraph(), "document.payment-orders.overdue-hint");
        overdueHint.addClassName("hint");
        add(Localized.text(new H2(), "document.payment-orders.title"), banner, queue, none,
                Localized.text(new H3(), "document.payment-orders.overdue"), overdueHint,
                overdue, noneOverdue);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("document.payment-orders.page-title");
    }

    private Grid.Column<PaymentOrderItem> header(Grid.Column<PaymentOrderItem> column, String key, Object... params) {
        return Localized.bind(column, column::setHeader, key, params);
    }

    /** The cells and their buttons are rendered again in the new language. */
    @Override
    public void localeChange(LocaleChangeEvent event) {
        queue.getDataProvider().refreshAll();
        overdue.getDataProvider().refreshAll();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        banner.hide();
        refresh();
    }

    private void refresh() {
        int waiting = review.waiting();
        queue.setItems(query -> review.queue(query.getOffset(), query.getLimit()).stream(), query -> review.waiting());
        queue.setVisible(waiting > 0);
        none.setVisible(waiting == 0);
        int late = review.overdueCount();
        overdue.setItems(query -> review.overdue(query.getOffset(), query.getLimit()).stream(),
                query -> review.overdueCount());
        overdue.setVisible(late > 0);
        noneOverdue.setVisible(late == 0);
        OpsLayout.queuesChanged(this);
    }

    private static Anchor account(PaymentOrderItem order) {
        var link = new Anchor(OpsLayout.accountHref(order.accountId().value()),
                order.accountName() + " \u00b7 " + order.accountNumber());
        link.addClassName("payment-order-account");
        return link;
    }

    private Component document(PaymentOrderItem order) {
        var link = DocumentLinks.document(order.fileName(), () -> review.document(order.id()));
        link.addClassName("payment-order-document");
        return link;
    }

    private Component decisions(PaymentOrderItem order) {
        var credit = new Button(getTranslation("document.payment-orders.credit"), e -> credit(order));
        credit.addClassName("payment-order-credit");
        credit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        var reject = new Button(getTranslation("document.review.reject"), e -> reject(order));
        reject.addClassName("payment-order-reject");
        reject.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        var buttons = new HorizontalLayout(credit, reject);
        buttons.setSpacing(false);
        buttons.addClassName("payment-order-buttons");
        return buttons;
    }

    private Component reverseButton(PaymentOrderItem order) {
        var reverse = new Button(getTranslation("document.payment-orders.reverse"), e -> reverse(order));
        reverse.addClassName("payment-order-reverse");
        reverse.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        return reverse;
    }

    private String what(PaymentOrderItem order) {
        return getTranslation("document.payment-orders.what", order.amount().format(),
                String.valueOf(order.invoiceNumber()), order.payerName(), order.accountName(),
                times.format(order.uploadedAt()), order.uploadedBy());
    }

    void credit(PaymentOrderItem order) {
        new ReviewDialog(getTranslation("document.payment-orders.credit.title"),
                what(order) + " " + getTranslation("document.payment-orders.credit.summary"),
                getTranslation("document.review.note"), getTranslation("document.payment-orders.credit.helper"),
                getTranslation("document.payment-orders.credit.confirm"), false, note -> {
            var done = review.conditionallyCredit(order.id(), note);
            decided(getTranslation("document.payment-orders.credited", done.amount().format(), done.accountName()));
        }, this::refused).open();
    }

    void reject(PaymentOrderItem order) {
        new ReviewDialog(getTranslation("document.payment-orders.reject.title"),
                what(order) + " " + getTranslation("document.payment-orders.reject.summary"),
                getTranslation("document.review.reason"), getTranslation("document.review.customer-reads"),
                getTranslation("document.review.reject"), true, reason -> {
            var done = review.reject(order.id(), reason);
            decided(getTranslation("document.payment-orders.rejected", String.valueOf(done.invoiceNumber())));
        }, this::refused).open();
    }

    void reverse(PaymentOrderItem order) {
        new ReviewDialog(getTranslation("document.payment-orders.reverse.title"),
                what(order) + " " + getTranslation("document.payment-orders.reverse.summary"),
                getTranslation("document.review.note"), getTranslation("document.payment-orders.reverse.helper"),
                getTranslation("document.payment-orders.reverse"), true, note -> {
            var done = review.reverse(order.id(), note);
            decided(getTranslation("document.payment-orders.reversed", done.amount().format(),
                    done.accountName()));
        }, this::refused).open();
    }

    private void decided(String message) {
        banner.show(message, Banner.SUCCESS);
        refresh();
    }

    /** Decided by someone else meanwhile, or no longer possible: say so and show the lists as they are. */
    private void refused(InvalidRequestException refused) {
        banner.show(refused.getLocalizedMessage(), Banner.ERROR);
        refresh();
    }
}
