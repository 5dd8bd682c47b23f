package dev.billfold.refund.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.billfold.account.AccountId;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.ui.Banner;
import dev.billfold.base.ui.LocalTimes;
import dev.billfold.base.ui.Localized;
import dev.billfold.base.ui.NoAccountNeeded;
import dev.billfold.refund.PayoutRow;
import dev.billfold.refund.RefundDesk;
import dev.billfold.refund.RefundQueueRow;
import dev.billfold.staff.StaffRole;
import dev.billfold.staff.ui.OpsLayout;
import jakarta.annotation.security.RolesAllowed;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Customers' refund requests waiting for Finance, oldest first: Approve sends each part back to its payment method
 * (bank parts join the payouts below), Reject returns the reserved amount to the balance with the reason the customer
 * reads. Below them, the bank payouts due, each recorded with the transfer's reference once paid. Support reads both;
 * the buttons are Finance's, and the bank details are shown to Finance only.
 */
@Route(value = OpsRefundsView.ROUTE, layout = OpsLayout.class)
@RolesAllowed({StaffRole.Names.SUPPORT, StaffRole.Names.FINANCE})
@NoAccountNeeded
public class OpsRefundsView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle,
        LocaleChangeObserver {

    static final String ROUTE = "ops/refunds";

    /** The language the data-driven texts were last rendered in; attaching calls localeChange too. */
    private @Nullable Locale renderedIn;
    private final RefundDesk desk;
    private final boolean finance;
    private final Banner banner = new Banner("refunds-banner", "ops-banner");
    private final Grid<RefundQueueRow> queue = new Grid<>();
    private final Span none = Localized.text(new Span(), "refund.ops.none");
    private final Grid<PayoutRow> payouts = new Grid<>();
    private final Span noPayouts = new Span();

    OpsRefundsView(RefundDesk desk, AuthenticationContext authentication) {
        this.desk = desk;
        this.finance = authentication.hasRole(StaffRole.Names.FINANCE);
        addClassName("ops-refunds-view");
        LocalTimes times = LocalTimes.ofBrowser();
        queue.setId("refunds-queue");
        queue.setWidthFull();
        queue.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        RefundTexts.header(queue.addColumn(row -> times.format(row.refund().requestedAt())), "refund.column.requested")
                .setWidth("9rem").setFlexGrow(0);
        RefundTexts.header(queue.addComponentColumn(row -> account(row.refund().accountId(), row.accountName(),
                row.accountNumber())), "refund.column.account").setFlexGrow(1);
        RefundTexts.header(queue.addColumn(row -> row.refund().amount().format()), "refund.column.amount")
                .setWidth("8rem").setFlexGrow(0);
        RefundTexts.header(queue.addColumn(row -> row.refund().destinationsText()), "refund.column.goes-back-to")
                .setFlexGrow(2);
        RefundTexts.header(queue.addColumn(RefundQueueRow::requestedBy), "refund.column.asked-by").setWidth("8rem")
                .setFlexGrow(0);
        if (finance) {
            queue.addComponentColumn(this::actions).setHeader("").setKey("actions").setWidth("11rem")
                    .setFlexGrow(0).setTextAlign(ColumnTextAlign.END).setFrozenToEnd(true);
        }
        queue.setAllRowsVisible(true);
        none.setId("refunds-none");

        payouts.setId("payouts-queue");
        payouts.setWidthFull();
        payouts.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        RefundTexts.header(payouts.addColumn(row -> times.format(row.dueSince())), "refund.column.due-since")
                .setWidth("9rem").setFlexGrow(0);
        RefundTexts.header(payouts.addComponentColumn(row -> account(row.accountId(), row.accountName(),
                row.accountNumber())), "refund.column.account").setFlexGrow(1);
        RefundTexts.header(payouts.addColumn(row -> row.amount().format()), "refund.column.amount").setWidth("8rem")
                .setFlexGrow(0);
        RefundTexts.header(payouts.addColumn(PayoutRow::paidInBy), "refund.column.paid-in-by").setFlexGrow(1);
        if (finance) {
            RefundTexts.header(payouts.addColumn(row -> row.holder() + ", " + row.iban()
                    + (row.bic() == null ? "" : ", " + row.bic())), "refund.column.pay-to").setFlexGrow(2);
            payouts.addComponentColumn(this::payoutAction).setHeader("").setWidth("10rem").setFlexGrow(0)
                    .setTextAlign(ColumnTextAlign.END).setFrozenToEnd(true);
        }
        payouts.setAllRowsVisible(true);
        noPayouts.setId("payouts-none");
        add(Localized.text(new H2(), "refund.ops.title"), banner, queue, none,
                Localized.text(new H3(), "refund.ops.payouts"), payouts, noPayouts);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("refund.ops.page-title");
    }

    /** The buttons in the rows and the payouts' count are rendered again in the new language. */
    @Override
    public void localeChange(LocaleChangeEvent event) {
        if (event.getLocale().equals(renderedIn)) {
            return;
        }
        refresh();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        banner.hide();
        refresh();
    }

    private void refresh() {
        renderedIn = Localized.localeOf(this);
        int waiting = desk.waitingCount();
        queue.setItems(query -> desk.waiting(query.getOffset(), query.getLimit()).stream(),
                query -> desk.waitingCount());
        queue.setVisible(waiting > 0);
        none.setVisible(waiting == 0);
        int due = desk.payoutCount();
        if (finance) {
            payouts.setItems(query -> desk.payouts(query.getOffset(), query.getLimit()).stream(),
                    query -> desk.payoutCount());
        }
        payouts.setVisible(finance && due > 0);
        noPayouts.setText(due == 0 ? getTranslation("refund.ops.no-payouts")
                : finance ? "" : getTranslation("refund.ops.payouts-for-finance", due));
        noPayouts.setVisible(due == 0 || !finance);
        OpsLayout.queuesChanged(this);
    }

    private static Anchor account(AccountId id, String name, String number) {
        var link = new Anchor(OpsLayout.accountHref(id.value()), name + " \u00b7 " + number);
        link.addClassName("refund-account");
        return link;
    }

    private Div actions(RefundQueueRow row) {
        var approve = new Button(getTranslation("refund.ops.approve"), e -> decide(row, true));
        approve.addClassName("refund-approve");
        approve.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        var reject = new Button(getTranslation("refund.ops.reject"), e -> decide(row, false));
        reject.addClassName("refund-reject");
        reject.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        var buttons = new HorizontalLayout(approve, reject);
        buttons.setSpacing(false);
        var cell = new Div(buttons);
        cell.addClassName("refund-actions");
        return cell;
    }

    private void decide(RefundQueueRow row, boolean approve) {
        String what = getTranslation("refund.ops.what", row.refund().amount().format(), row.accountName(),
                row.refund().destinationsText());
        new NoteDialog("refund-decision",
                getTranslation(approve ? "refund.ops.approve.title" : "refund.ops.reject.title"),
                what, null, getTranslation(approve ? "refund.ops.approve.note" : "refund.ops.reject.reason"),
                getTranslation(approve ? "refund.ops.approve.helper" : "refund.ops.reject.helper"),
                getTranslation(approve ? "refund.ops.approve.confirm" : "refund.ops.reject"), !approve,
                (amount, note) -> {
                    try {
                        RefundQueueRow done = approve ? desk.approve(row.refund().id(), note)
                                : desk.reject(row.refund().id(), note);
                        banner.show(getTranslation(approve ? "refund.ops.approved" : "refund.ops.rejected",
                                done.refund().amount().format(), done.accountName()), Banner.SUCCESS);
                    } catch (InvalidRequestException refused) {
                        if ("decision".equals(refused.field())) {
                            throw refused;
                        }
                        banner.show(refused.getLocalizedMessage(), Banner.ERROR);
                    }
                    refresh();
                }).open();
    }

    private Button payoutAction(PayoutRow row) {
        var paid = new Button(getTranslation("refund.ops.record-payout"), e -> new NoteDialog("refund-payout",
                getTranslation("refund.ops.payout.title"),
                getTranslation("refund.ops.payout.what", row.amount().format(), row.holder(), row.iban()), null,
                getTranslation("refund.ops.payout.reference"), getTranslation("refund.ops.payout.reference.helper"),
                getTranslation("refund.ops.payout.confirm"), false, (amount, reference) -> {
                    try {
                        desk.recordPayout(row.id(), reference);
                        banner.show(getTranslation("refund.ops.payout.recorded", row.amount().format(),
                                row.holder()), Banner.SUCCESS);
                    } catch (InvalidRequestException refused) {
                        if ("reference".equals(refused.field())) {
                            throw refused;
                        }
                        banner.show(refused.getLocalizedMessage(), Banner.ERROR);
                    }
                    refresh();
                }).open());
        paid.addClassName("refund-record-payout");
        paid.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        return paid;
    }
}
