package dev.billfold.security.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import dev.billfold.base.ui.Localized;
import dev.billfold.base.ui.PageTitles;
import dev.billfold.security.SignInOptions;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** Offers every configured way to sign in: the providers' buttons, the demo users' form, or both. */
@Route(value = LoginView.ROUTE, autoLayout = false)
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle,
        LocaleChangeObserver {

    public static final String ROUTE = "login";
    /** Set by the sign-in rate limit when it turned a sign-in away: the wait, in seconds. */
    public static final String LOCKED_PARAMETER = "locked";
    /** A wait in the address is only text to show; a forged one is cut to this. */
    private static final Duration LONGEST_WAIT_SHOWN = Duration.ofDays(1);

    private final LoginForm form = new LoginForm();
    private final Paragraph providerError = Localized.text(new Paragraph(), "security.login.provider-error");
    private final Paragraph lockedOut = new Paragraph();
    private final SignInOptions signInOptions;

    LoginView(SignInOptions signInOptions, List<SignInPageControl> controls) {
        this.signInOptions = signInOptions;
        PageTitles.follow(this, "security.login.page-title");
        addClassName("login-view");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        var title = Localized.text(new H1(), "ui.brand");
        title.addClassName("login-title");
        controls.forEach(control -> add(control.create()));
        add(title, Localized.text(new Paragraph(), "security.login.tagline"));
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
            var signIn = Localized.text(new Anchor(), "security.login.with", provider.name());
            signIn.setHref(provider.signInPath());
            signIn.setRouterIgnore(true);
            signIn.setId("sign-in-" + provider.registrationId());
            signIn.addClassName("sign-in-provider");
            add(signIn);
        }
        if (signInOptions.formSignIn()) {
            form.setAction(ROUTE);
            form.setForgotPasswordButtonVisible(false);
            form.setI18n(formTexts(Localized.localeOf(form)));
            add(form);
            if (signInOptions.demoUsers()) {
                var hint = Localized.text(new Div(), "security.login.demo-hint");
                hint.addClassName("login-hint");
                add(hint);
            }
        }
        if (!signInOptions.formSignIn() && !signInOptions.oidc()) {
            add(Localized.text(new Paragraph(), "security.login.none"));
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<String> locked = event.getLocation().getQueryParameters().getParameters().get(LOCKED_PARAMETER);
        if (locked != null && signInOptions.formSignIn()) {
            Duration wait = wait(locked);
            Localized.bind(lockedOut, lockedOut::setText, locale -> lockedOut.getTranslation(locale,
                    "security.login.locked", lockedOut.getTranslation(locale, inWords(wait), amountOf(wait))));
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

    @Override
    public String getPageTitle() {
        return getTranslation("security.login.page-title");
    }

    /** The language switcher on this page changes the form's words too. */
    @Override
    public void localeChange(LocaleChangeEvent event) {
        form.setI18n(formTexts(event.getLocale()));
    }

    /** The form's own words (its title, fields, button and error) in the page's language. */
    private LoginI18n formTexts(Locale locale) {
        LoginI18n texts = LoginI18n.createDefault();
        texts.getForm().setTitle(getTranslation(locale, "security.login.form.title"));
        texts.getForm().setUsername(getTranslation(locale, "security.login.form.username"));
        texts.getForm().setPassword(getTranslation(locale, "security.login.form.password"));
        texts.getForm().setSubmit(getTranslation(locale, "security.login.form.submit"));
        texts.getErrorMessage().setTitle(getTranslation(locale, "security.login.form.error-title"));
        texts.getErrorMessage().setMessage(getTranslation(locale, "security.login.form.error-message"));
        return texts;
    }

    /** The wait rounded up as {@code RateDecision.inWords} does: seconds, minutes under two hours, else hours. */
    private static String inWords(Duration wait) {
        long seconds = seconds(wait);
        return seconds < 60 ? "security.login.wait.seconds"
                : seconds <= 119 * 60 ? "security.login.wait.minutes" : "security.login.wait.hours";
    }

    private static long amountOf(Duration wait) {
        long seconds = seconds(wait);
        long minutes = (seconds + 59) / 60;
        return seconds < 60 ? seconds : minutes < 120 ? minutes : (minutes + 59) / 60;
    }

    private static long seconds(Duration wait) {
        return Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
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
