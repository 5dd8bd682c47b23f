package dev.billfold.refund.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.billfold.account.AccountId;
import dev.billfold.base.ui.LocalTimes;
import dev.billfold.ops.ui.OpsAccountSection;
import dev.billfold.refund.OperatorRefund;
import dev.billfold.refund.OperatorRefundForm;
import dev.billfold.refund.RefundDesk;
import dev.billfold.refund.RefundSummary;
import dev.billfold.refund.RefundableTopUp;
import dev.billfold.staff.StaffAccess;
import dev.billfold.staff.StaffRole;
import java.util.Optional;
import java.util.UUID;

/**
 * The account's payments as Finance refunds them (part 3): each credited top-up with what it has left and why it
 * cannot be refunded, if so, and a Refund button that refunds it fully or in part with a note, by the customers' path;
 * below, the account's refunds with their status.
 */
@org.springframework.stereotype.Component
class AccountRefundsSection implements OpsAccountSection {

    private final RefundDesk desk;
    private final AuthenticationContext authentication;

    AccountRefundsSection(RefundDesk desk, AuthenticationContext authentication) {
        this.desk = desk;
        this.authentication = authentication;
    }

    @Override
    public int position() {
        return 40;
    }

    @Override
    public Optional<Component> section(AccountId account) {
        OperatorRefundForm form;
        try {
            form = desk.form(account);
        } catch (StaffAccess.StaffOnlyException notForThisRole) {
            return Optional.empty();
        }
        boolean finance = authentication.hasRole(StaffRole.Names.FINANCE);
        LocalTimes times = LocalTimes.ofBrowser();
        var section = new Div(new H3("Refunds"));
        section.setId("ops-account-refunds");
        section.setWidthFull();
        var balance = new Span("Balance " + form.balance().format() + ": no refund takes it below zero.");
        balance.setId("ops-refund-balance");
        section.add(balance);
        var payments = new Grid<RefundableTopUp>();
        payments.setId("ops-refundable-payments");
        payments.addColumn(t -> times.format(t.creditedAt())).setHeader("Credited").setAutoWidth(true);
        payments.addColumn(RefundableTopUp::destination).setHeader("Method").setAutoWidth(true);
        payments.addColumn(t -> t.credited().format()).setHeader("Credited amount").setAutoWidth(true);
        payments.addColumn(t -> t.remaining().format()).setHeader("Left to refund").setAutoWidth(true);
        payments.addColumn(t -> t.notRefundable() == null ? "" : t.notRefundable()).setHeader("Not refundable")
                .setFlexGrow(1);
        if (finance) {
            payments.addComponentColumn(t -> refundButton(t, form)).setHeader("").setKey("refund").setAutoWidth(true);
        }
        payments.setItems(form.topUps());
        payments.setAllRowsVisible(true);
        section.add(payments);
        if (!form.refunds().isEmpty()) {
            var refunds = new Grid<RefundSummary>();
            refunds.setId("ops-account-refund-requests");
            refunds.addColumn(r -> times.format(r.requestedAt())).setHeader("Requested").setAutoWidth(true);
            refunds.addColumn(r -> r.origin().name().charAt(0) + r.origin().name().substring(1).toLowerCase())
                    .setHeader("By").setAutoWidth(true);
            refunds.addColumn(r -> r.amount().format()).setHeader("Amount").setAutoWidth(true);
            refunds.addColumn(RefundSummary::destinationsText).setHeader("Goes back to").setFlexGrow(1);
            refunds.addColumn(r -> r.reason() == null ? r.status() : r.status() + ": " + r.reason())
                    .setHeader("Status").setFlexGrow(1);
            refunds.setItems(form.refunds());
            refunds.setAllRowsVisible(true);
            section.add(refunds);
        }
        return Optional.of(section);
    }

    private Component refundButton(RefundableTopUp topUp, OperatorRefundForm form) {
        var refund = new Button("Refund");
        refund.addClassName("ops-refund-payment");
        refund.addThemeVariants(ButtonVariant.LUMO_SMALL);
        refund.setEnabled(topUp.eligible());
        String key = UUID.randomUUID().toString();
        refund.addClickListener(e -> new NoteDialog("ops-refund", "Refund this payment",
                "%s of %s to %s; at most %s, and never more than the balance (%s).".formatted(
                        topUp.remaining().format(), topUp.credited().format(), topUp.destination(),
                        topUp.remaining().format(), form.balance().format()),
                topUp.remaining().value().toPlainString(), "Note", "Why: what happened. Audited; staff only.",
                "Refund", true, (amount, note) -> {
                    desk.refundPayment(new OperatorRefund(topUp.paymentId(), amount, note, key));
                    // The account page shows the refund under way, with the balance it reserved.
                    UI.getCurrent().getPage().reload();
                }).open());
        return refund;
    }
}
