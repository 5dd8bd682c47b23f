package dev.billfold.payment.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.ui.Banner;
import dev.billfold.base.ui.LocalTimes;
import dev.billfold.base.ui.Localized;
import dev.billfold.base.ui.NoAccountNeeded;
import dev.billfold.base.ui.PageTitles;
import dev.billfold.payment.BankPayment;
import dev.billfold.payment.HeldPayment;
import dev.billfold.payment.HeldPayments;
import dev.billfold.staff.StaffRole;
import dev.billfold.staff.ui.OpsLayout;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.Locale;

/**
 * Payments waiting for clarification, oldest first, with why each is held. Support reads the queue; Finance resolves
 * a payment in a dialog (credit what was received, credit another account, returned to the sender, reject). Whoever
 * comes second is told what the first did, and the queue is read again.
 */
@Route(value = OpsHeldPaymentsView.ROUTE, layout = OpsLayout.class)
@RolesAllowed({StaffRole.Names.SUPPORT, StaffRole.Names.FINANCE})
@NoAccountNeeded
public class OpsHeldPaymentsView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle,
        LocaleChangeObserver {

    static final String ROUTE = "ops/held";

    private final HeldPayments held;
    private final Clock clock;
    private final boolean finance;
    private final Banner banner = new Banner("held-banner", "ops-banner");
    private final Grid<HeldPayment> grid = new Grid<>();
    private final Span none = Localized.text(new Span(), "payment.held.none");

    OpsHeldPaymentsView(HeldPayments held, Clock clock, AuthenticationContext authentication) {
        this.held = held;
        this.clock = clock;
        this.finance = authentication.hasRole(StaffRole.Names.FINANCE);
        addClassName("ops-held-view");
        PageTitles.follow(this, "payment.held.page-title");
        LocalTimes times = LocalTimes.ofBrowser();
        grid.setId("held-grid");
        grid.setWidthFull();
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        header(grid.addColumn(row -> times.format(row.heldSince(), Localized.localeOf(grid))).setWidth("9rem")
                .setFlexGrow(0), "payment.held.column.held-since", times.label());
        header(grid.addColumn(row -> Ages.of(grid, row.heldSince(), clock)).setKey("age").setWidth("5rem")
                .setFlexGrow(0), "payment.ops.column.age");
        header(grid.addColumn(row -> row.accountNumber() + " \u00b7 " + row.accountName()).setKey("account")
                .setFlexGrow(1), "payment.ops.column.account");
        header(grid.addColumn(row -> row.debtorName() == null || row.debtorName().equals(row.payerName())
                ? row.payerName() : grid.getTranslation("payment.held.paid-by", row.payerName(), row.debtorName()))
                .setFlexGrow(1), "payment.held.column.payer");
        header(grid.addColumn(row -> amount(grid, row)).setKey("amount").setWidth("10rem").setFlexGrow(0),
                "payment.held.column.received");
        header(grid.addColumn(row -> row.invoiceNumber() == null ? "" : row.invoiceNumber()).setKey("invoice")
                .setWidth("9rem").setFlexGrow(0), "payment.held.column.invoice");
        header(grid.addColumn(HeldPayment::reason).setKey("reason").setFlexGrow(2), "payment.ops.column.reason");
        header(grid.addColumn(row -> row.bankReference() == null ? "" : row.bankReference()).setKey("bank-reference")
                .setWidth("9rem").setFlexGrow(0), "payment.held.column.bank-reference");
        if (finance) {
            grid.addComponentColumn(this::resolveButton).setHeader("").setKey("actions").setWidth("7rem")
                    .setFlexGrow(0).setTextAlign(ColumnTextAlign.END).setFrozenToEnd(true);
        }
        grid.setAllRowsVisible(true);
        none.setId("held-none");
        add(Localized.text(new H2(), "payment.held.title"), banner, grid, none);
    }

    private void header(Grid.Column<HeldPayment> column, String key, Object... params) {
        Localized.bind(grid, column::setHeader, key, params);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("payment.held.page-title");
    }

    /** The cells are worked out per row, so they are drawn again in the new language. */
    @Override
    public void localeChange(LocaleChangeEvent event) {
        grid.getDataProvider().refreshAll();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        banner.hide();
        refresh();
    }

    private void refresh() {
        int waiting = held.waiting();
        grid.setItems(query -> held.queue(query.getOffset(), Math.min(query.getLimit(), HeldPayments.PAGE_MAX))
                .stream(), query -> held.waiting());
        grid.setVisible(waiting > 0);
        none.setVisible(waiting == 0);
        OpsLayout.queuesChanged(this);
    }

    /** "$90.00 of $100.00" when the bank brought a different amount than the payment asked for. */
    static String amount(Component where, HeldPayment row) {
        Locale locale = Localized.localeOf(where);
        String received = row.received().format(locale);
        return row.received().equals(row.amount()) ? received
                : where.getTranslation("payment.ops.amount-of", received, row.amount().format(locale));
    }

    private Button resolveButton(HeldPayment row) {
        Button resolve = new Button(getTranslation("payment.held.resolve"), click -> open(row));
        resolve.setId("resolve-" + row.paymentId().value());
        resolve.addClassName("held-resolve");
        resolve.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        return resolve;
    }

    /** The resolution dialog for one held payment. */
    ResolveDialog open(HeldPayment row) {
        ResolveDialog dialog = new ResolveDialog(row, (resolution, note, customerReason) -> {
            try {
                BankPayment done = held.resolve(row.paymentId(), resolution, note, customerReason);
                banner.show(getTranslation("payment.held.resolved", amount(this, row), row.accountName(),
                        getTranslation("payment.status." + done.status().name()).toLowerCase(Localized.localeOf(this))),
                        Banner.SUCCESS);
                refresh();
            } catch (InvalidRequestException refused) {
                // The queue may have changed under the dialog (another staff member resolved it): read it again,
                // and let the dialog say why nothing was done.
                refresh();
                throw refused;
            }
        });
        dialog.open();
        return dialog;
    }
}
