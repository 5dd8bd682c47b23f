package dev.billfold.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.QueryParameters;
import dev.billfold.ui.KaribuTest;
import org.junit.jupiter.api.Test;

/** The login page's message when the sign-in rate limit turned a sign-in away (DD-056). */
class LoginViewTest extends KaribuTest {

    @Test
    void a_locked_out_sign_in_is_told_how_long_to_wait() {
        open("180");

        assertThat(locked().isVisible()).isTrue();
        assertThat(locked().getText()).isEqualTo("Too many failed sign-ins for this user name or from your network, "
                + "so this one was not checked. Please wait and try again in 3 minutes.");
    }

    @Test
    void the_wait_in_the_address_is_only_text_and_a_forged_one_stays_harmless() {
        open("999999999999");
        assertThat(locked().getText()).endsWith("try again in 24 hours.");

        open("<b>soon</b>");
        assertThat(locked().getText()).endsWith("try again in 1 minute.");
    }

    @Test
    void without_a_lockout_there_is_no_message() {
        UI.getCurrent().navigate(LoginView.ROUTE);
        assertThat(_find(Paragraph.class, spec -> spec.withId("sign-in-locked"))).as("visible ones only").isEmpty();
    }

    static void open(String seconds) {
        UI.getCurrent().navigate(LoginView.ROUTE, QueryParameters.of(LoginView.LOCKED_PARAMETER, seconds));
    }

    static Paragraph locked() {
        return _get(Paragraph.class, spec -> spec.withId("sign-in-locked"));
    }
}
