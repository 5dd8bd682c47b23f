package dev.billfold.ui;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServletRequest;
import dev.billfold.BillfoldTest;
import dev.billfold.SignedIn;
import dev.billfold.TestData;
import dev.billfold.staff.StaffRole;
import java.util.List;
import kotlin.jvm.functions.Function0;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Base for view tests without a browser: the whole Spring context on the default H2 database, and a mocked Vaadin UI
 * (Karibu) per test. Routes are discovered once per class. Each test starts on the sign-in view, signed out unless
 * its class has a {@link SignedIn} customer, who is signed in for Vaadin too; call {@link #signIn(String)} before
 * navigating to a view that needs another user.
 */
@BillfoldTest
public abstract class KaribuTest {

    private static Routes routes;

    @Autowired
    protected ApplicationContext applicationContext;

    /**
     * Karibu's own discovery sees only public views; Vaadin's Spring scanning, as in production, sees package-private
     * ones too, so the routes come from Spring's scanner.
     */
    @BeforeAll
    static void discoverRoutes() throws ClassNotFoundException {
        routes = new Routes().autoDiscoverViews("dev.billfold");
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        for (BeanDefinition view : scanner.findCandidateComponents("dev.billfold")) {
            routes.getRoutes().add(Class.forName(view.getBeanClassName()).asSubclass(Component.class));
        }
    }

    /** The routes of every view, package-private ones included, for a test that sets up a fresh UI of its own. */
    protected static Routes routes() {
        return routes;
    }

    @BeforeEach
    protected void setUpVaadin() {
        Function0<UI> uiFactory = UI::new;
        MockVaadin.setup(uiFactory, new MockSpringServlet(routes, applicationContext, uiFactory));
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (signedIn != null) {
            // signed in before this method, by @SignedIn: the mocked request gets the same user
            signInRequest(signedIn);
        }
    }

    @AfterEach
    void tearDownVaadin() {
        MockVaadin.tearDown();
        TestData.signOut();
    }

    /**
     * Signs the user in the way Vaadin and the services see it: Spring's security context (read by the services) and
     * the mocked request's principal and roles (read by Vaadin's navigation access control).
     */
    protected static void signIn(String username) {
        TestData.signIn(username);
        signInRequest(SecurityContextHolder.getContext().getAuthentication());
    }

    /** {@link #signIn(String)} for someone signed in through OIDC ({@link TestData#signInOidc}). */
    protected static void signInOidc(TestData.OidcPerson person, String email, boolean emailVerified) {
        TestData.signInOidc(person, email, emailVerified);
        signInRequest(SecurityContextHolder.getContext().getAuthentication());
    }

    /** Signs a staff member in with the given staff roles, for Vaadin and the services alike. */
    protected static void signInStaff(String username, StaffRole... roles) {
        TestData.signIn(username, List.of(roles));
        signInRequest(SecurityContextHolder.getContext().getAuthentication());
    }

    private static void signInRequest(Authentication authentication) {
        FakeRequest request = (FakeRequest) ((VaadinServletRequest) VaadinRequest.getCurrent()).getRequest();
        request.setUserPrincipalInt(authentication);
        request.setUserInRole((principal, role) -> authentication.getAuthorities().stream()
                .anyMatch(granted -> granted.getAuthority().equals("ROLE_" + role)));
    }

    /**
     * The time zone the browser reports, as Vaadin's bootstrap hands it over ({@code v-tzid}); set before navigating,
     * since views read it when they are built.
     */
    protected static void browserTimeZone(String zoneId) {
        com.vaadin.flow.component.page.ExtendedClientDetails.updateFromValues(UI.getCurrent(),
                name -> "v-tzid".equals(name) ? zoneId : null);
    }

    /**
     * Karibu runs a whole test in one mocked HTTP request, where a browser sends one per interaction. What the app
     * remembers per request (the user, the memberships) is dropped here, as a new request would start without it.
     */
    protected static void newRequest() {
        var request = ((VaadinServletRequest) VaadinRequest.getCurrent()).getHttpServletRequest();
        java.util.Collections.list(request.getAttributeNames()).forEach(request::removeAttribute);
        var spring = org.springframework.web.context.request.RequestContextHolder.getRequestAttributes();
        if (spring != null) {
            int scope = org.springframework.web.context.request.RequestAttributes.SCOPE_REQUEST;
            for (String name : spring.getAttributeNames(scope)) {
                spring.removeAttribute(name, scope);
            }
        }
    }
}
