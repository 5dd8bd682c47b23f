package dev.billfold.payment.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import dev.billfold.base.ui.LocalTimes;
import dev.billfold.base.ui.Localized;
import dev.billfold.base.ui.NoAccountNeeded;
import dev.billfold.base.ui.PageTitles;
import dev.billfold.payment.OpenDispute;
import dev.billfold.payment.OpenDisputes;
import dev.billfold.staff.StaffRole;
import dev.billfold.staff.ui.OpsLayout;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;

/**
 * Disputes still open at their providers, oldest first, each with its account. Read-only: a dispute is answered in
 * the provider's dashboard, and its outcome reaches Billfold as news, which credits a won dispute back (DD-070).
 */
@Route(value = OpsDisputesView.ROUTE, layout = OpsLayout.class)
@RolesAllowed({StaffRole.Names.SUPPORT, StaffRole.Names.FINANCE})
@NoAccountNeeded
public class OpsDisputesView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle,
        LocaleChangeObserver {

    static final String ROUTE = "ops/disputes";

    private final OpenDisputes disputes;
    private final Grid<OpenDispute> grid = new Grid<>();
    private final Span none = Localized.text(new Span(), "payment.disputes.none");

    OpsDisputesView(OpenDisputes disputes, Clock clock) {
        this.disputes = disputes;
        addClassName("ops-disputes-view");
        PageTitles.follow(this, "payment.disputes.page-title");
        LocalTimes times = LocalTimes.ofBrowser();
        grid.setId("disputes-grid");
        grid.setWidthFull();
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        header(grid.addColumn(row -> times.format(row.openedAt(), Localized.localeOf(grid))).setWidth("9rem")
                .setFlexGrow(0), "payment.disputes.column.opened", times.label());
        header(grid.addColumn(row -> Ages.of(grid, row.openedAt(), clock)).setKey("age").setWidth("5rem")
                .setFlexGrow(0), "payment.ops.column.age");
        header(grid.addComponentColumn(OpsDisputesView::account).setKey("account").setFlexGrow(1),
                "payment.ops.column.account");
        header(grid.addColumn(row -> grid.getTranslation("payment.ops.amount-of",
                        row.amount().format(Localized.localeOf(grid)),
                        row.paymentAmount().format(Localized.localeOf(grid))))
                .setKey("amount").setWidth("11rem").setFlexGrow(0), "payment.disputes.column.disputed");
        header(grid.addColumn(OpenDispute::provider).setKey("provider").setWidth("6rem").setFlexGrow(0),
                "payment.disputes.column.provider");
        header(grid.addColumn(OpenDispute::providerStatus).setKey("status").setWidth("9rem").setFlexGrow(0),
                "payment.disputes.column.status");
        header(grid.addColumn(row -> row.reason() == null ? "" : row.reason()).setKey("reason").setFlexGrow(1),
                "payment.ops.column.reason");
        header(grid.addColumn(OpenDispute::disputeId).setKey("dispute").setFlexGrow(1),
                "payment.disputes.column.dispute");
        grid.setAllRowsVisible(true);
        none.setId("disputes-none");
        add(Localized.text(new H2(), "payment.disputes.title"),
                Localized.text(new Paragraph(), "payment.disputes.intro"), grid, none);
    }

    private void header(Grid.Column<OpenDispute> column, String key, Object... params) {
        Localized.bind(grid, column::setHeader, key, params);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("payment.disputes.page-title");
    }

    /** The cells are worked out per row, so they are drawn again in the new language. */
    @Override
    public void localeChange(LocaleChangeEvent event) {
        grid.getDataProvider().refreshAll();
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

}
