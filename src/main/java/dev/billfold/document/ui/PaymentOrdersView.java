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
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.ui.Banner;
import dev.billfold.base.ui.LocalTimes;
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
@PageTitle("Payment orders · Billfold back office")
@RolesAllowed({StaffRole.Names.SUPPORT, StaffRole.Names.FINANCE})
@NoAccountNeeded
public class PaymentOrdersView extends VerticalLayout implements BeforeEnterObserver {

    static final String ROUTE = "ops/payment-orders";

    private final PaymentOrderReview review;
    private final boolean finance;
    private final LocalTimes times = LocalTimes.ofBrowser();
    private final Banner banner = new Banner("payment-orders-banner", "ops-banner");
    private final Grid<PaymentOrderItem> queue = new Grid<>();
    private final Span none = new Span("No payment order waits for review.");
    private final Grid<PaymentOrderItem> overdue = new Grid<>();
    private final Span noneOverdue = new Span("No conditional credit is overdue.");

    PaymentOrdersView(PaymentOrderReview review) {
        this.review = review;
        this.finance = DocumentLinks.finance();
        addClassName("payment-orders-view");

        queue.setId("payment-orders-queue");
        queue.setWidthFull();
        queue.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        queue.addColumn(o -> times.format(o.uploadedAt())).setHeader("Sent (" + times.label() + ")")
                .setWidth("9rem").setFlexGrow(0);
        queue.addComponentColumn(PaymentOrdersView::account).setHeader("Account").setFlexGrow(1);
        queue.addColumn(PaymentOrderItem::payerName).setHeader("Payer").setFlexGrow(1);
        queue.addColumn(o -> o.invoiceNumber() == null ? "" : o.invoiceNumber()).setHeader("Invoice")
                .setWidth("9rem").setFlexGrow(0);
        queue.addColumn(o -> o.amount().format()).setHeader("Amount").setWidth("8rem").setFlexGrow(0);
        queue.addComponentColumn(this::document).setHeader("Payment order").setKey("document").setFlexGrow(1);
        queue.addColumn(PaymentOrderItem::uploadedBy).setHeader("Sent by").setWidth("8rem").setFlexGrow(0);
        if (finance) {
            queue.addComponentColumn(this::decisions).setHeader("").setKey("actions").setWidth("16rem")
                    .setFlexGrow(0).setFrozenToEnd(true);
        }
        queue.setAllRowsVisible(true);
        none.setId("payment-orders-none");

        overdue.setId("payment-orders-overdue");
        overdue.setWidthFull();
        overdue.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        overdue.addColumn(o -> o.decidedAt() == null ? "" : times.format(o.decidedAt()))
                .setHeader("Credited (" + times.label() + ")").setWidth("9rem").setFlexGrow(0);
        overdue.addComponentColumn(PaymentOrdersView::account).setHeader("Account").setFlexGrow(1);
        overdue.addColumn(o -> o.invoiceNumber() == null ? "" : o.invoiceNumber()).setHeader("Invoice")
                .setWidth("9rem").setFlexGrow(0);
        overdue.addColumn(o -> o.amount().format()).setHeader("Amount").setWidth("8rem").setFlexGrow(0);
        overdue.addComponentColumn(this::document).setHeader("Payment order").setFlexGrow(1);
        overdue.addColumn(o -> o.decidedBy() == null ? "" : o.decidedBy()).setHeader("Credited by")
                .setWidth("8rem").setFlexGrow(0);
        if (finance) {
            overdue.addComponentColumn(this::reverseButton).setHeader("").setKey("actions").setWidth("8rem")
                    .setFlexGrow(0).setFrozenToEnd(true);
        }
        overdue.setAllRowsVisible(true);
        noneOverdue.setId("payment-orders-overdue-none");

        var overdueHint = new Paragraph("Conditionally credited, and no statement has shown the transfer within the"
                + " configured days. Reversing debits the credit back and deletes the payment.");
        overdueHint.addClassName("hint");
        add(new H2("Payment orders"), banner, queue, none, new H3("Overdue conditional credits"), overdueHint,
                overdue, noneOverdue);
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
        var credit = new Button("Conditionally credit", e -> credit(order));
        credit.addClassName("payment-order-credit");
        credit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        var reject = new Button("Reject", e -> reject(order));
        reject.addClassName("payment-order-reject");
        reject.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        var buttons = new HorizontalLayout(credit, reject);
        buttons.setSpacing(false);
        buttons.addClassName("payment-order-buttons");
        return buttons;
    }

    private Component reverseButton(PaymentOrderItem order) {
        var reverse = new Button("Reverse", e -> reverse(order));
        reverse.addClassName("payment-order-reverse");
        reverse.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        return reverse;
    }

    private String what(PaymentOrderItem order) {
        return "%s for invoice %s of %s (%s), sent %s by %s.".formatted(order.amount().format(),
                order.invoiceNumber(), order.payerName(), order.accountName(), times.format(order.uploadedAt()),
                order.uploadedBy());
    }

    void credit(PaymentOrderItem order) {
        new ReviewDialog("Conditionally credit the invoice", what(order) + " The amount is credited now; the bank"
                + " statement that shows the transfer later credits nothing more.", "Note",
                "Why you accept the payment order; staff only.", "Credit conditionally", false, note -> {
            var done = review.conditionallyCredit(order.id(), note);
            decided("%s conditionally credited to %s.".formatted(done.amount().format(), done.accountName()));
        }, this::refused).open();
    }

    void reject(PaymentOrderItem order) {
        new ReviewDialog("Reject the payment order", what(order) + " Nothing is credited; the invoice keeps waiting"
                + " for its money.", "Reason", "The customer reads this.", "Reject", true, reason -> {
            var done = review.reject(order.id(), reason);
            decided("Payment order for invoice %s rejected.".formatted(done.invoiceNumber()));
        }, this::refused).open();
    }

    void reverse(PaymentOrderItem order) {
        new ReviewDialog("Reverse the conditional credit", what(order) + " The credit is debited back (the balance"
                + " may go below zero) and the payment is deleted.", "Note",
                "Why you reverse it; staff only.", "Reverse", true, note -> {
            var done = review.reverse(order.id(), note);
            decided("The conditional credit of %s to %s was reversed.".formatted(done.amount().format(),
                    done.accountName()));
        }, this::refused).open();
    }

    private void decided(String message) {
        banner.show(message, Banner.SUCCESS);
        refresh();
    }

    /** Decided by someone else meanwhile, or no longer possible: say so and show the lists as they are. */
    private void refused(InvalidRequestException refused) {
        banner.show(refused.getMessage(), Banner.ERROR);
        refresh();
    }
}
