package dev.billfold.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import dev.billfold.TestData;
import dev.billfold.payment.ui.PaymentViews;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A signed-in user who belongs to no customer account yet gets the reason and a way out, not an error. */
class NoAccountViewTest extends KaribuTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestData data;

    @Test
    void a_user_without_an_account_is_sent_to_the_explanation_from_every_view() {
        String username = "lonely-" + UUID.randomUUID();
        jdbc.sql("insert into app_user (id, username, display_name, email, version) values (?, ?, 'Lonely', null, 0)")
                .params(UUID.randomUUID(), username).update();
        signIn(username);

        for (String route : new String[] {"", "history"}) {
            UI.getCurrent().navigate(route);
            NavigatorKt.expectView(NoAccountView.class);
            assertThat(_get(Paragraph.class, spec -> spec.withId("no-account-reason")).getText())
                    .isEqualTo("Your sign-in is not linked to a customer account yet. Contact support.");
            assertThat(_get(Button.class, spec -> spec.withId("no-account-sign-out")).getText()).isEqualTo("Sign out");
        }
    }

    @Test
    void a_member_is_never_held_on_the_explanation() {
        var customer = data.newCustomer("USD");
        signIn(customer.username());

        UI.getCurrent().navigate("history");
        NavigatorKt.expectView(PaymentViews.HISTORY);
        UI.getCurrent().navigate(NoAccountView.class);
        NavigatorKt.expectView(PaymentViews.TOP_UP);
    }
}
