package dev.billfold.security.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import dev.billfold.ratelimit.RateDecision;
import dev.billfold.security.SignInOptions;
import java.time.Duration;
import java.util.List;

/** Offers every configured way to sign in: the providers' buttons, the demo users' form, or both. */
@Route(value = LoginView.ROUTE, autoLayout = false)
@PageTitle("Sign in · Billfold")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    public static final String ROUTE = "login";
    /** Set by the sign-in rate limit when it turned a sign-in away: the wait, in seconds. */
    public static final String LOCKED_PARAMETER = "locked";
    /** A wait in the address is only text to show; a forged one is cut to this. */
    private static final Duration LONGEST_WAIT_SHOWN = Duration.ofDays(1);

    private final LoginForm form = new LoginForm();
    private final Paragraph providerError = new Paragraph(
            "Signing in did not work. Please try again, or contact support if it keeps happening.");
    private final Paragraph lockedOut = new Paragraph();
    private final SignInOptions signInOptions;

    LoginView(SignInOptions signInOptions) {
        this.signInOptions = signInOptions;
        addClassName("login-view");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        var title = new H1("Billfold");
        title.addClassName("login-title");
        add(title, new Paragraph("Your hosting balance, payments and payment methods."));
        providerError.setId("sign-in-error");
        providerError.addClassName("login-error");
        providerError.setVisible(false);
        add(providerError);
        lockedOut.setId("sign-in-locked");
        lockedOut.addClassName("login-error");
        lockedOut.setVisible(false);
        add(lockedOut);
        for (SignInOptions.Provider provider : signInOptions.providers()) {
            // A full page load, not a route: the code flow starts in Spring Security's filter and leaves the site.
            var signIn = new Anchor(provider.signInPath(), "Sign in with " + provider.name());
            signIn.setRouterIgnore(true);
            signIn.setId("sign-in-" + provider.registrationId());
            signIn.addClassName("sign-in-provider");
            add(signIn);
        }
        if (signInOptions.formSignIn()) {
            form.setAction(ROUTE);
            form.setForgotPasswordButtonVisible(false);
            add(form);
            if (signInOptions.demoUsers()) {
                var hint = new Div("Demo: sign in as demo / demo.");
                hint.addClassName("login-hint");
                add(hint);
            }
        }
        if (!signInOptions.formSignIn() && !signInOptions.oidc()) {
            add(new Paragraph("No sign-in method is configured. Ask your provider's operator."));
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<String> locked = event.getLocation().getQueryParameters().getParameters().get(LOCKED_PARAMETER);
        if (locked != null && signInOptions.formSignIn()) {
            lockedOut.setText("Too many failed sign-ins for this user name or from your network, so this one was not "
                    + "checked. Please wait and try again " + RateDecision.inWords(wait(locked)) + ".");
            lockedOut.setVisible(true);
        }
        if (event.getLocation().getQueryParameters().getParameters().containsKey("error")) {
            // The form shows its own message for a wrong password; a provider's failure needs ours.
            if (signInOptions.formSignIn()) {
                form.setError(true);
            }
            providerError.setVisible(signInOptions.oidc());
        }
    }

    private static Duration wait(List<String> seconds) {
        try {
            Duration wait = Duration.ofSeconds(Math.max(0, Long.parseLong(seconds.getFirst())));
            return wait.compareTo(LONGEST_WAIT_SHOWN) > 0 ? LONGEST_WAIT_SHOWN : wait;
        } catch (RuntimeException notANumber) {
            return Duration.ofMinutes(1);
        }
    }
}
