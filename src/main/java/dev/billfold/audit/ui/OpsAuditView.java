package dev.billfold.audit.ui;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import dev.billfold.audit.AuditFilter;
import dev.billfold.audit.AuditQuery;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.ui.Banner;
import dev.billfold.base.ui.DatePickers;
import dev.billfold.base.ui.LocalTimes;
import dev.billfold.base.ui.Localized;
import dev.billfold.base.ui.NoAccountNeeded;
import dev.billfold.staff.StaffRole;
import dev.billfold.staff.ui.OpsLayout;
import jakarta.annotation.security.RolesAllowed;

/**
 * Everything staff and customers did, newest first, for every account: filtered by account number, actor (the start
 * of a name or e-mail), action code and days. The grid fetches page by page as it scrolls.
 */
@Route(value = OpsAuditView.ROUTE, layout = OpsLayout.class)
@RolesAllowed({StaffRole.Names.SUPPORT, StaffRole.Names.FINANCE})
@NoAccountNeeded
class OpsAuditView extends VerticalLayout implements HasDynamicTitle {

    static final String ROUTE = "ops/audit";

    private final AuditQuery trail;
    private final TextField account = new TextField();
    private final TextField actor = new TextField();
    private final TextField action = new TextField();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Banner banner = new Banner("audit-banner", "ops-banner");
    private final LocalTimes times = LocalTimes.ofBrowser();
    private final AuditGrid grid;
    /** The filter the grid shows: changed only to one the service accepted. */
    private AuditFilter filter = AuditFilter.ALL;

    OpsAuditView(AuditQuery trail) {
        this.trail = trail;
        addClassName("ops-audit-view");
        setSizeFull();
        account.setId("audit-account");
        actor.setId("audit-actor");
        Localized.bind(account, account::setLabel, "audit.filter.account");
        Localized.bind(actor, actor::setLabel, "audit.filter.who");
        Localized.bind(actor, actor::setPlaceholder, "audit.filter.who.placeholder");
        action.setId("audit-action");
        Localized.bind(action, action::setLabel, "audit.filter.action");
        Localized.bind(action, action::setPlaceholder, "audit.filter.action.placeholder");
        Localized.bind(from, from::setLabel, "audit.filter.from");
        Localized.bind(to, to::setLabel, "audit.filter.to");
        DatePickers.follow(from);
        DatePickers.follow(to);
        from.setId("audit-from");
        to.setId("audit-to");
        for (TextField field : new TextField[] {account, actor, action}) {
            field.setMaxLength(64);
            field.setClearButtonVisible(true);
            field.addValueChangeListener(e -> refresh());
        }
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());
        var filters = new Div(account, actor, action, from, to);
        filters.addClassName("filters");

        grid = new AuditGrid("audit-grid", true, page -> this.trail.page(filter, page));
        grid.setSizeFull();
        add(Localized.text(new H2(), "audit.title"), filters, banner, grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("audit.page-title");
    }

    private void refresh() {
        AuditFilter next = new AuditFilter(account.getValue(), action.getValue(), actor.getValue(), from.getValue(),
                to.getValue(), times.zone());
        try {
            trail.page(next, 0);
        } catch (InvalidRequestException refused) {
            banner.show(refused.getLocalizedMessage(), Banner.ERROR);
            return;
        }
        banner.hide();
        filter = next;
        grid.refresh();
    }
}
