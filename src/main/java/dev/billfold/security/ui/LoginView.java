package dev.billfold.security.ui;

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

@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · Billfold")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private final LoginForm form = new LoginForm();

    LoginView(SignInOptions signInOptions) {
        addClassName("login-view");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        var title = new H1("Billfold");
        title.addClassName("login-title");
        add(title, new Paragraph("Your hosting balance, payments and payment methods."));
        if (signInOptions.formSignIn()) {
            add(form);
            if (signInOptions.demoUsers()) {
                var hint = new Div("Demo: sign in as demo / demo.");
                hint.addClassName("login-hint");
                add(hint);
            }
        } else {
            add(new Paragraph("No sign-in method is configured. Ask your provider's operator."));
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (event.getLocation().getQueryParameters().getParameters().containsKey("error")) {
            form.setError(true);
        }
    }
}
