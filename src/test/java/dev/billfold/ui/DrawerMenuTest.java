package dev.billfold.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import dev.billfold.TestData;
import dev.billfold.payment.ui.PaymentViews;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The drawer's plain links: where they lead, what they say, and which one is the page shown. */
class DrawerMenuTest extends KaribuTest {

    @Autowired
    TestData data;

    @Test
    void the_links_lead_to_the_menu_routes_with_icon_and_label() {
        signIn(data.newCustomer("USD").username());
        UI.getCurrent().navigate(PaymentViews.TOP_UP);

        List<Anchor> links = links();
        assertThat(links).extracting(Anchor::getHref).containsExactly("", "history", "activity", "payment-methods",
                "payers", "powers-of-attorney", "members");
        assertThat(links).allSatisfy(link -> assertThat(link.getElement().getAttribute("router-link")).isEqualTo(""));
        assertThat(links.getFirst().getElement().getProperty("innerHTML"))
                .isEqualTo("<vaadin-icon icon=\"vaadin:wallet\" aria-hidden=\"true\"></vaadin-icon><span>Top up</span>");
    }

    @Test
    void the_page_shown_is_marked_current_and_follows_navigation() {
        signIn(data.newCustomer("USD").username());

        UI.getCurrent().navigate(PaymentViews.TOP_UP);
        assertThat(currentByHref()).containsEntry("", true).containsEntry("history", false);

        UI.getCurrent().navigate(PaymentViews.HISTORY);
        NavigatorKt.expectView(PaymentViews.HISTORY);
        assertThat(currentByHref()).containsEntry("", false).containsEntry("history", true)
                .containsEntry("payment-methods", false);
    }

    /** Issue 21: the payment methods page had no container; every page of the layout now sits in the same one. */
    @Test
    void every_page_of_the_drawer_sits_in_the_one_page_container() {
        signIn(data.newCustomer("USD").username());
        UI.getCurrent().navigate(PaymentViews.TOP_UP);

        for (String href : links().stream().map(Anchor::getHref).toList()) {
            UI.getCurrent().navigate(href);
            MainLayout layout = _get(MainLayout.class);
            assertThat(layout.getContent()).as("the page at '%s'", href).isNotNull();
            assertThat(layout.getContent().getClassNames()).as("the page at '%s'", href).contains("page");
        }
    }

    private static List<Anchor> links() {
        return _find(Anchor.class, spec -> spec.withClasses("drawer-link"));
    }

    private static Map<String, Boolean> currentByHref() {
        return links().stream().collect(Collectors.toMap(Anchor::getHref,
                link -> "page".equals(link.getElement().getAttribute("aria-current")), (a, b) -> a));
    }
}
