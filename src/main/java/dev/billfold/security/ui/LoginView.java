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
import dev.billfold.security.SignInOptions;

/** Offers every configured way to sign in: the providers' buttons, the demo users' form, or both. */
@Route(value = LoginView.ROUTE, autoLayout = false)
@PageTitle("Sign in · Billfold")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    public static final String ROUTE = "login";

    private final LoginForm form = new LoginForm();
    private final Paragraph providerError = new Paragraph(
            "Signing in did not work. Please try again, or contact support if it keeps happening.");
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
        if (event.getLocation().getQueryParameters().getParameters().containsKey("error")) {
            // The form shows its own message for a wrong password; a provider's failure needs ours.
            if (signInOptions.formSignIn()) {
                form.setError(true);
            }
            providerError.setVisible(signInOptions.oidc());
        }
    }
}
