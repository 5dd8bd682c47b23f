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
import dev.billfold.base.ui.Localized;
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
        var section = new Div(Localized.text(new H3(), "refund.account.title"));
        section.setId("ops-account-refunds");
        section.setWidthFull();
        var balance = Localized.text(new Span(), "refund.account.balance", form.balance().format());
        balance.setId("ops-refund-balance");
        section.add(balance);
        var payments = new Grid<RefundableTopUp>();
        payments.setId("ops-refundable-payments");
        RefundTexts.header(payments.addColumn(t -> times.format(t.creditedAt())), "refund.column.credited")
                .setAutoWidth(true);
        RefundTexts.header(payments.addColumn(RefundableTopUp::destination), "refund.column.method").setAutoWidth(true);
        RefundTexts.header(payments.addColumn(t -> t.credited().format()), "refund.column.credited-amount")
                .setAutoWidth(true);
        RefundTexts.header(payments.addColumn(t -> t.remaining().format()), "refund.column.left")
                .setAutoWidth(true);
        RefundTexts.header(payments.addColumn(t -> t.notRefundable() == null ? "" : t.notRefundable()),
                "refund.column.not-refundable").setFlexGrow(1);
        if (finance) {
            payments.addComponentColumn(t -> refundButton(t, form)).setHeader("").setKey("refund").setAutoWidth(true);
        }
        payments.setItems(form.topUps());
        payments.setAllRowsVisible(true);
        section.add(payments);
        if (!form.refunds().isEmpty()) {
            var refunds = new Grid<RefundSummary>();
            refunds.setId("ops-account-refund-requests");
            RefundTexts.header(refunds.addColumn(r -> times.format(r.requestedAt())), "refund.column.requested")
                    .setAutoWidth(true);
            RefundTexts.header(refunds.addColumn(r -> refunds.getTranslation("refund.origin." + r.origin().name())),
                    "refund.column.by").setAutoWidth(true);
            RefundTexts.header(refunds.addColumn(r -> r.amount().format()), "refund.column.amount").setAutoWidth(true);
            RefundTexts.header(refunds.addColumn(RefundSummary::destinationsText), "refund.column.goes-back-to")
                    .setFlexGrow(1);
            RefundTexts.header(refunds.addColumn(r -> RefundTexts.statusWithReason(refunds, r)), "refund.column.status")
                    .setFlexGrow(1);
            refunds.setItems(form.refunds());
            refunds.setAllRowsVisible(true);
            section.add(refunds);
        }
        return Optional.of(section);
    }

    private Component refundButton(RefundableTopUp topUp, OperatorRefundForm form) {
        var refund = Localized.text(new Button(), "refund.account.refund");
        refund.addClassName("ops-refund-payment");
        refund.addThemeVariants(ButtonVariant.LUMO_SMALL);
        refund.setEnabled(topUp.eligible());
        String key = UUID.randomUUID().toString();
        refund.addClickListener(e -> new NoteDialog("ops-refund", refund.getTranslation("refund.account.dialog.title"),
                refund.getTranslation("refund.account.dialog.what", topUp.remaining().format(),
                        topUp.credited().format(), topUp.destination(), form.balance().format()),
                topUp.remaining().value().toPlainString(), refund.getTranslation("refund.account.dialog.note"),
                refund.getTranslation("refund.account.dialog.helper"), refund.getTranslation("refund.account.refund"),
                true, (amount, note) -> {
                    desk.refundPayment(new OperatorRefund(topUp.paymentId(), amount, note, key));
                    // The account page shows the refund under way, with the balance it reserved.
                    UI.getCurrent().getPage().reload();
                }).open());
        return refund;
    }
}
