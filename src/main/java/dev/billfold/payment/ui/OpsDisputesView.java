package dev.billfold.payment.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.billfold.base.ui.LocalTimes;
import dev.billfold.base.ui.NoAccountNeeded;
import dev.billfold.payment.OpenDispute;
import dev.billfold.payment.OpenDisputes;
import dev.billfold.staff.StaffRole;
import dev.billfold.staff.ui.OpsLayout;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;

/**
 * Disputes still open at their providers, oldest first, each with its account. Read-only: a dispute is answered in
 * the provider's dashboard, and its outcome reaches Billfold as news, which credits a won dispute back (DD-070).
 */
@Route(value = OpsDisputesView.ROUTE, layout = OpsLayout.class)
@PageTitle("Open disputes · Billfold back office")
@RolesAllowed({StaffRole.Names.SUPPORT, StaffRole.Names.FINANCE})
@NoAccountNeeded
public class OpsDisputesView extends VerticalLayout implements BeforeEnterObserver {

    static final String ROUTE = "ops/disputes";

    private final OpenDisputes disputes;
    private final Grid<OpenDispute> grid = new Grid<>();
    private final Span none = new Span("No dispute is open.");

    OpsDisputesView(OpenDisputes disputes, Clock clock) {
        this.disputes = disputes;
        addClassName("ops-disputes-view");
        LocalTimes times = LocalTimes.ofBrowser();
        grid.setId("disputes-grid");
        grid.setWidthFull();
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(row -> times.format(row.openedAt())).setHeader("Opened (" + times.label() + ")")
                .setWidth("9rem").setFlexGrow(0);
        grid.addColumn(row -> age(row, clock)).setHeader("Age").setKey("age").setWidth("5rem").setFlexGrow(0);
        grid.addComponentColumn(OpsDisputesView::account).setHeader("Account").setKey("account").setFlexGrow(1);
        grid.addColumn(row -> row.amount().format() + " of " + row.paymentAmount().format()).setHeader("Disputed")
                .setKey("amount").setWidth("11rem").setFlexGrow(0);
        grid.addColumn(OpenDispute::provider).setHeader("Provider").setKey("provider").setWidth("6rem")
                .setFlexGrow(0);
        grid.addColumn(OpenDispute::providerStatus).setHeader("Status").setKey("status").setWidth("9rem")
                .setFlexGrow(0);
        grid.addColumn(row -> row.reason() == null ? "" : row.reason()).setHeader("Reason").setKey("reason")
                .setFlexGrow(1);
        grid.addColumn(OpenDispute::disputeId).setHeader("Dispute").setKey("dispute").setFlexGrow(1);
        grid.setAllRowsVisible(true);
        none.setId("disputes-none");
        add(new H2("Open disputes"), new Paragraph("The disputed amount is debited from the account while a dispute "
                + "is open. Answer it in the provider's dashboard; a dispute won is credited back once."), grid, none);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        int waiting = disputes.waiting();
        grid.setItems(query -> disputes.queue(query.getOffset(), Math.min(query.getLimit(), OpenDisputes.PAGE_MAX))
                .stream(), query -> disputes.waiting());
        grid.setVisible(waiting > 0);
        none.setVisible(waiting == 0);
        OpsLayout.queuesChanged(this);
    }

    private static Anchor account(OpenDispute row) {
        var link = new Anchor(OpsLayout.accountHref(row.accountId().value()),
                row.accountNumber() + " \u00b7 " + row.accountName());
        link.setId("dispute-account-" + row.disputeId());
        return link;
    }

    /** "3 d", "5 h", "12 min": how long it has been open. */
    static String age(OpenDispute row, Clock clock) {
        Duration open = Duration.between(row.openedAt(), clock.instant());
        if (open.toDays() > 0) {
            return open.toDays() + " d";
        }
        if (open.toHours() > 0) {
            return open.toHours() + " h";
        }
        return Math.max(0, open.toMinutes()) + " min";
    }
}
