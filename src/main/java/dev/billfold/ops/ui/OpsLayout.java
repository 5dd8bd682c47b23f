package dev.billfold.ops.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.billfold.staff.StaffRole;
import jakarta.annotation.security.RolesAllowed;

/**
 * The back office's frame: its own header, no customer account, no balance. Customers never get here: the /ops
 * paths need a staff role at the HTTP layer, every view needs one at navigation, and every service asks again.
 */
@RolesAllowed({StaffRole.Names.SUPPORT, StaffRole.Names.FINANCE})
class OpsLayout extends AppLayout {

    OpsLayout(AuthenticationContext authentication) {
        var brand = new Span("Billfold back office");
        brand.addClassName("brand");
        var search = new RouterLink("Search", OpsSearchView.class);
        search.setId("ops-nav-search");
        var logout = new Button("Sign out", e -> authentication.logout());
        logout.setId("ops-sign-out");
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        logout.addClassName("sign-out");
        var header = new Div(brand, search, logout);
        header.addClassNames("app-header", "ops-header");
        header.setId("ops-header");
        addToNavbar(header);
    }
}
