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
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.billfold.adjustment.AdjustmentRow;
import dev.billfold.adjustment.AdjustmentService;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.ui.Banner;
import dev.billfold.base.ui.LocalTimes;
import dev.billfold.base.ui.Localized;
import dev.billfold.base.ui.NoAccountNeeded;
import dev.billfold.staff.StaffRole;
import dev.billfold.staff.ui.OpsLayout;
import jakarta.annotation.security.RolesAllowed;

/**
 * Adjustments above the approval limit, oldest first, each waiting for a second Finance member: Approve posts it,
 * Decline posts nothing. Support reads the queue; the buttons are Finance's. The requester's own rows have none.
 */
@Route(value = OpsAdjustmentsView.ROUTE, layout = OpsLayout.class)
@RolesAllowed({StaffRole.Names.SUPPORT, StaffRole.Names.FINANCE})
@NoAccountNeeded
public class OpsAdjustmentsView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle,
        LocaleChangeObserver {

    static final String ROUTE = "ops/adjustments";

    private final AdjustmentService adjustments;
    private final boolean finance;
    private final Banner banner = new Banner("adjustments-banner", "ops-banner");
    private final Grid<AdjustmentRow> queue = new Grid<>();
    private final Span none = Localized.text(new Span(), "adjustment.queue.none");

    OpsAdjustmentsView(AdjustmentService adjustments, AuthenticationContext authentication) {
        this.adjustments = adjustments;
        this.finance = authentication.hasRole(StaffRole.Names.FINANCE);
        addClassName("ops-adjustments-view");
        LocalTimes times = LocalTimes.ofBrowser();
        queue.setId("adjustments-queue");
        queue.setWidthFull();
        queue.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        // Widths are set, not measured: measured columns made the grid wider than the content area at 1280 px.
        AdjustmentLabels.header(queue.addColumn(row -> times.format(row.requestedAt())), "adjustment.column.requested")
                .setWidth("9rem").setFlexGrow(0);
        AdjustmentLabels.header(queue.addComponentColumn(OpsAdjustmentsView::account), "adjustment.column.account")
                .setFlexGrow(1);
        AdjustmentLabels.header(queue.addColumn(row -> AdjustmentLabels.amount(this, row)), "adjustment.column.amount")
                .setWidth("9rem").setFlexGrow(0);
        AdjustmentLabels.header(queue.addColumn(row -> AdjustmentLabels.category(this, row.category())),
                "adjustment.column.reason").setWidth("7rem").setFlexGrow(0);
        AdjustmentLabels.header(queue.addColumn(AdjustmentRow::note), "adjustment.column.note").setFlexGrow(2);
        AdjustmentLabels.header(queue.addColumn(AdjustmentRow::requestedBy), "adjustment.column.requested-by")
                .setWidth("8rem").setFlexGrow(0);
        if (finance) {
            queue.addComponentColumn(this::actions).setHeader("").setKey("actions").setWidth("11rem")
                    .setFlexGrow(0).setTextAlign(ColumnTextAlign.END).setFrozenToEnd(true);
        }
        queue.setAllRowsVisible(true);
        none.setId("adjustments-none");
        add(Localized.text(new H2(), "adjustment.queue.title"), banner, queue, none);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("adjustment.queue.page-title");
    }

    /** The cells and their buttons are rendered again in the new language. */
    @Override
    public void localeChange(LocaleChangeEvent event) {
        queue.getDataProvider().refreshAll();
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
            var yours = new Span(getTranslation("adjustment.queue.yours"));
            yours.addClassName("adjustment-yours");
            cell.add(yours);
            return cell;
        }
        var approve = new Button(getTranslation("adjustment.queue.approve"), e -> decide(row, true));
        approve.addClassName("adjustment-approve");
        approve.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        var decline = new Button(getTranslation("adjustment.queue.decline"), e -> decide(row, false));
        decline.addClassName("adjustment-decline");
        decline.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        var buttons = new HorizontalLayout(approve, decline);
        buttons.setSpacing(false);
        buttons.addClassName("adjustment-buttons");
        cell.add(buttons);
        return cell;
    }

    private void decide(AdjustmentRow row, boolean approve) {
        String what = getTranslation("adjustment.queue.what", AdjustmentLabels.amount(this, row), row.accountName(),
                AdjustmentLabels.category(this, row.category()), row.note(), row.requestedBy());
        new DecisionDialog(getTranslation(approve ? "adjustment.queue.approve.title"
                : "adjustment.queue.decline.title"),
                what, getTranslation(approve ? "adjustment.queue.approve.confirm" : "adjustment.queue.decline"),
                approve, note -> {
                    try {
                        AdjustmentRow done = approve ? adjustments.approve(row.id(), note)
                                : adjustments.decline(row.id(), note);
                        banner.show(getTranslation(approve ? "adjustment.queue.approved" : "adjustment.queue.declined",
                                AdjustmentLabels.amount(this, done), done.accountName()), Banner.SUCCESS);
                    } catch (InvalidRequestException refused) {
                        if ("decision".equals(refused.field())) {
                            throw refused;
                        }
                        // Decided by someone else meanwhile, or not ours to decide: say so and show the queue as it is.
                        banner.show(refused.getLocalizedMessage(), Banner.ERROR);
                    }
                    refresh();
                }).open();
    }
}
