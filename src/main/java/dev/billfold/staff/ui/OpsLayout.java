package dev.billfold.staff.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.billfold.base.ui.Localized;
import dev.billfold.language.LanguageService;
import dev.billfold.language.ui.LanguageSwitcher;
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
 * HTTP layer, every view needs one at navigation, and every service asks again. Staff switch the language as
 * customers do; each entry's name is {@code staff.menu.<key>} in the staff bundle.
 */
// Admin too: an Admin-only member opens the Admin pages (webhooks) in this frame; each page names its own roles.
@RolesAllowed({StaffRole.Names.SUPPORT, StaffRole.Names.FINANCE, StaffRole.Names.ADMIN})
public final class OpsLayout extends AppLayout implements AfterNavigationObserver, LocaleChangeObserver {

    private final Map<OpsMenuEntry, Span> badges = new LinkedHashMap<>();

    OpsLayout(AuthenticationContext authentication, List<OpsMenuEntry> entries, LanguageService languages) {
        setPrimarySection(Section.NAVBAR);
        var brand = Localized.text(new Span(), "staff.brand");
        brand.addClassName("brand");
        var logout = Localized.text(new Button("", e -> authentication.logout()), "staff.sign-out");
        logout.setId("ops-sign-out");
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        logout.addClassName("sign-out");
        var header = new Div(new DrawerToggle(), brand, new LanguageSwitcher(languages), logout);
        header.addClassNames("app-header", "ops-header");
        header.setId("ops-header");
        addToNavbar(header);

        var menu = new Nav();
        menu.setId("ops-menu");
        menu.addClassName("ops-menu");
        Localized.bind(menu, text -> menu.getElement().setAttribute("aria-label", text), "staff.menu");
        entries.stream().sorted(Comparator.comparingInt(OpsMenuEntry::position)).forEach(entry -> {
            var link = new RouterLink(entry.view());
            link.setId("ops-nav-" + entry.key());
            link.addClassName("ops-link");
            link.add(Localized.text(new Span(), "staff.menu." + entry.key()));
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

    /** The badges' spoken counts are texts too. */
    @Override
    public void localeChange(LocaleChangeEvent event) {
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
            badge.getElement().setAttribute("aria-label",
                    waiting.isPresent() ? getTranslation("staff.menu.waiting", waiting.getAsLong()) : "");
        });
    }
}
