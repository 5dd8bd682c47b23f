package dev.billfold.staff.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.billfold.staff.StaffRole;
import jakarta.annotation.security.RolesAllowed;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;

/**
 * The back office's frame: its own header, no customer account, no balance, and a menu in the drawer built from the
 * {@link OpsMenuEntry} beans features contribute. Customers never get here: the /ops paths need a staff role at the
 * HTTP layer, every view needs one at navigation, and every service asks again.
 */
// Admins too: their settings pages (API keys) sit in this frame; each page still says which roles it needs.
@RolesAllowed({StaffRole.Names.SUPPORT, StaffRole.Names.FINANCE, StaffRole.Names.ADMIN})
public final class OpsLayout extends AppLayout implements AfterNavigationObserver {

    private final Map<OpsMenuEntry, Span> badges = new LinkedHashMap<>();

    OpsLayout(AuthenticationContext authentication, List<OpsMenuEntry> entries) {
        setPrimarySection(Section.NAVBAR);
        var brand = new Span("Billfold back office");
        brand.addClassName("brand");
        var logout = new Button("Sign out", e -> authentication.logout());
        logout.setId("ops-sign-out");
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        logout.addClassName("sign-out");
        var header = new Div(new DrawerToggle(), brand, logout);
        header.addClassNames("app-header", "ops-header");
        header.setId("ops-header");
        addToNavbar(header);

        var menu = new Nav();
        menu.setId("ops-menu");
        menu.addClassName("ops-menu");
        menu.getElement().setAttribute("aria-label", "Back office");
        entries.stream().sorted(Comparator.comparingInt(OpsMenuEntry::position)).forEach(entry -> {
            var link = new RouterLink(entry.view());
            link.setId("ops-nav-" + entry.key());
            link.addClassName("ops-link");
            link.add(new Span(entry.label()));
            var badge = new Span();
            badge.setId("ops-nav-" + entry.key() + "-count");
            badge.addClassName("ops-count");
            badge.setVisible(false);
            link.add(badge);
            badges.put(entry, badge);
            menu.add(link);
        });
        addToDrawer(menu);
    }

    /** Queues change with work done on any page, so their counts are read again after every navigation. */
    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        refreshCounts();
    }

    /** For a page whose action took an item out of a queue (or put one in): the menu's counts are read again. */
    /** The back office's account page; every feature's queue links an account's row to it. */
    public static final String ACCOUNT_ROUTE = "ops/account";

    /** The link to an account's back-office page (staff.ui cannot name AccountId: account depends on staff). */
    public static String accountHref(UUID accountId) {
        return ACCOUNT_ROUTE + "?id=" + accountId;
    }

    public static void queuesChanged(Component from) {
        OpsLayout layout = from.findAncestor(OpsLayout.class);
        if (layout != null) {
            layout.refreshCounts();
        }
    }

    private void refreshCounts() {
        badges.forEach((entry, badge) -> {
            OptionalLong waiting;
            try {
                waiting = entry.waiting();
            } catch (AccessDeniedException notForThisRole) {
                waiting = OptionalLong.empty();
            }
            badge.setVisible(waiting.isPresent());
            badge.setText(waiting.isPresent() ? Long.toString(waiting.getAsLong()) : "");
            badge.getElement().setAttribute("aria-label", waiting.isPresent() ? waiting.getAsLong() + " waiting" : "");
        });
    }
}
