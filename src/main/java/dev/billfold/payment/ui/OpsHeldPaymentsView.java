package dev.billfold.payment.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.ui.Banner;
import dev.billfold.base.ui.LocalTimes;
import dev.billfold.base.ui.NoAccountNeeded;
import dev.billfold.payment.BankPayment;
import dev.billfold.payment.HeldPayment;
import dev.billfold.payment.HeldPayments;
import dev.billfold.staff.StaffRole;
import dev.billfold.staff.ui.OpsLayout;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

/**
 * Payments waiting for clarification, oldest first, with why each is held. Support reads the queue; Finance resolves
 * a payment in a dialog (credit what was received, credit another account, returned to the sender, reject). Whoever
 * comes second is told what the first did, and the queue is read again.
 */
@Route(value = OpsHeldPaymentsView.ROUTE, layout = OpsLayout.class)
@PageTitle("Held payments · Billfold back office")
@RolesAllowed({StaffRole.Names.SUPPORT, StaffRole.Names.FINANCE})
@NoAccountNeeded
public class OpsHeldPaymentsView extends VerticalLayout implements BeforeEnterObserver {

    static final String ROUTE = "ops/held";

    private final HeldPayments held;
    private final Clock clock;
    private final boolean finance;
    private final Banner banner = new Banner("held-banner", "ops-banner");
    private final Grid<HeldPayment> grid = new Grid<>();
    private final Span none = new Span("No payment waits for clarification.");

    OpsHeldPaymentsView(HeldPayments held, Clock clock, AuthenticationContext authentication) {
        this.held = held;
        this.clock = clock;
        this.finance = authentication.hasRole(StaffRole.Names.FINANCE);
        addClassName("ops-held-view");
        LocalTimes times = LocalTimes.ofBrowser();
        grid.setId("held-grid");
        grid.setWidthFull();
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(row -> times.format(row.heldSince())).setHeader("Held since (" + times.label() + ")")
                .setWidth("9rem").setFlexGrow(0);
        grid.addColumn(row -> age(row, clock)).setHeader("Age").setKey("age").setWidth("5rem").setFlexGrow(0);
        grid.addColumn(row -> row.accountNumber() + " \u00b7 " + row.accountName()).setHeader("Account")
                .setKey("account").setFlexGrow(1);
        grid.addColumn(row -> row.debtorName() == null || row.debtorName().equals(row.payerName()) ? row.payerName()
                : row.payerName() + " (paid by " + row.debtorName() + ")").setHeader("Payer").setFlexGrow(1);
        grid.addColumn(OpsHeldPaymentsView::amount).setHeader("Received").setKey("amount").setWidth("10rem")
                .setFlexGrow(0);
        grid.addColumn(row -> row.invoiceNumber() == null ? "" : row.invoiceNumber()).setHeader("Invoice")
                .setKey("invoice").setWidth("9rem").setFlexGrow(0);
        grid.addColumn(HeldPayment::reason).setHeader("Reason").setKey("reason").setFlexGrow(2);
        grid.addColumn(row -> row.bankReference() == null ? "" : row.bankReference()).setHeader("Bank reference")
                .setKey("bank-reference").setWidth("9rem").setFlexGrow(0);
        if (finance) {
            grid.addComponentColumn(this::resolveButton).setHeader("").setKey("actions").setWidth("7rem")
                    .setFlexGrow(0).setTextAlign(ColumnTextAlign.END).setFrozenToEnd(true);
        }
        grid.setAllRowsVisible(true);
        none.setId("held-none");
        add(new H2("Held payments"), banner, grid, none);
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
    static String amount(HeldPayment row) {
        return row.received().equals(row.amount()) ? row.received().format()
                : row.received().format() + " of " + row.amount().format();
    }

    /** "3 d", "5 h", "12 min": how long it has waited, which is what a queue is worked by. */
    static String age(HeldPayment row, Clock clock) {
        Duration waited = Duration.between(row.heldSince(), clock.instant());
        if (waited.toDays() > 0) {
            return waited.toDays() + " d";
        }
        if (waited.toHours() > 0) {
            return waited.toHours() + " h";
        }
        return Math.max(0, waited.toMinutes()) + " min";
    }

    private Button resolveButton(HeldPayment row) {
        Button resolve = new Button("Resolve", click -> open(row));
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
                banner.show("%s for %s: %s.".formatted(amount(row), row.accountName(),
                        done.status().label().toLowerCase(Locale.ROOT)), Banner.SUCCESS);
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
