package dev.billfold.adjustment.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.billfold.adjustment.AdjustmentRow;
import dev.billfold.adjustment.AdjustmentService;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.ui.Banner;
import dev.billfold.base.ui.LocalTimes;
import dev.billfold.base.ui.NoAccountNeeded;
import dev.billfold.staff.StaffRole;
import dev.billfold.staff.ui.OpsLayout;
import jakarta.annotation.security.RolesAllowed;

/**
 * Adjustments above the approval limit, oldest first, each waiting for a second Finance member: Approve posts it,
 * Decline posts nothing. Support reads the queue; the buttons are Finance's. The requester's own rows have none.
 */
@Route(value = OpsAdjustmentsView.ROUTE, layout = OpsLayout.class)
@PageTitle("Adjustments · Billfold back office")
@RolesAllowed({StaffRole.Names.SUPPORT, StaffRole.Names.FINANCE})
@NoAccountNeeded
public class OpsAdjustmentsView extends VerticalLayout implements BeforeEnterObserver {

    static final String ROUTE = "ops/adjustments";

    private final AdjustmentService adjustments;
    private final boolean finance;
    private final Banner banner = new Banner("adjustments-banner", "ops-banner");
    private final Grid<AdjustmentRow> queue = new Grid<>();
    private final Span none = new Span("Nothing waits for approval.");

    OpsAdjustmentsView(AdjustmentService adjustments, AuthenticationContext authentication) {
        this.adjustments = adjustments;
        this.finance = authentication.hasRole(StaffRole.Names.FINANCE);
        addClassName("ops-adjustments-view");
        LocalTimes times = LocalTimes.ofBrowser();
        queue.setId("adjustments-queue");
        queue.setWidthFull();
        queue.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        // Widths are set, not measured: measured columns made the grid wider than the content area at 1280 px.
        queue.addColumn(row -> times.format(row.requestedAt())).setHeader("Requested").setWidth("9rem")
                .setFlexGrow(0);
        queue.addComponentColumn(OpsAdjustmentsView::account).setHeader("Account").setFlexGrow(1);
        queue.addColumn(AdjustmentLabels::amount).setHeader("Amount").setWidth("9rem").setFlexGrow(0);
        queue.addColumn(row -> row.category().label()).setHeader("Reason").setWidth("7rem").setFlexGrow(0);
        queue.addColumn(AdjustmentRow::note).setHeader("Note").setFlexGrow(2);
        queue.addColumn(AdjustmentRow::requestedBy).setHeader("Requested by").setWidth("8rem").setFlexGrow(0);
        if (finance) {
            queue.addComponentColumn(this::actions).setHeader("").setKey("actions").setWidth("11rem")
                    .setFlexGrow(0).setTextAlign(ColumnTextAlign.END).setFrozenToEnd(true);
        }
        queue.setAllRowsVisible(true);
        none.setId("adjustments-none");
        add(new H2("Adjustments awaiting approval"), banner, queue, none);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        banner.hide();
        refresh();
    }

    private void refresh() {
        int waiting = adjustments.waitingCount();
        queue.setItems(query -> adjustments.waiting(query.getOffset(), query.getLimit()).stream(),
                query -> adjustments.waitingCount());
        queue.setVisible(waiting > 0);
        none.setVisible(waiting == 0);
        OpsLayout.queuesChanged(this);
    }

    private static Anchor account(AdjustmentRow row) {
        var link = new Anchor(OpsLayout.accountHref(row.accountId().value()),
                row.accountName() + " \u00b7 " + row.accountNumber());
        link.addClassName("adjustment-account");
        return link;
    }

    private Div actions(AdjustmentRow row) {
        var cell = new Div();
        cell.addClassName("adjustment-actions");
        if (row.mine()) {
            var yours = new Span("Yours: another Finance member decides");
            yours.addClassName("adjustment-yours");
            cell.add(yours);
            return cell;
        }
        var approve = new Button("Approve", e -> decide(row, true));
        approve.addClassName("adjustment-approve");
        approve.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        var decline = new Button("Decline", e -> decide(row, false));
        decline.addClassName("adjustment-decline");
        decline.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        var buttons = new HorizontalLayout(approve, decline);
        buttons.setSpacing(false);
        buttons.addClassName("adjustment-buttons");
        cell.add(buttons);
        return cell;
    }

    private void decide(AdjustmentRow row, boolean approve) {
        String what = "%s for %s (%s): %s".formatted(AdjustmentLabels.amount(row), row.accountName(),
                row.category().label(), row.note());
        new DecisionDialog(approve ? "Approve the adjustment" : "Decline the adjustment",
                what + " Requested by " + row.requestedBy() + ".", approve ? "Approve and post" : "Decline", approve,
                note -> {
                    try {
                        AdjustmentRow done = approve ? adjustments.approve(row.id(), note)
                                : adjustments.decline(row.id(), note);
                        banner.show("%s for %s %s.".formatted(AdjustmentLabels.amount(done), done.accountName(),
                                approve ? "approved and posted" : "declined: nothing was posted"), Banner.SUCCESS);
                    } catch (InvalidRequestException refused) {
                        if ("decision".equals(refused.field())) {
                            throw refused;
                        }
                        // Decided by someone else meanwhile, or not ours to decide: say so and show the queue as it is.
                        banner.show(refused.getMessage(), Banner.ERROR);
                    }
                    refresh();
                }).open();
    }
}
