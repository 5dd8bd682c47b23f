package dev.billfold.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The bound texts of a page follow a switch of language, including components that are not on the page at the
 * moment of the switch, while a page left behind is let go of.
 */
class LocalizedTest {

    private static final Locale RUSSIAN = Locale.of("ru");

    @Route("localized-first")
    public static class FirstPage extends Div {
        final Span title = tagged(new Span());
        final Span kept = tagged(new Span());

        public FirstPage() {
            add(title);
        }
    }

    @Route("localized-second")
    public static class SecondPage extends Div {
        public SecondPage() {
            add(tagged(new Span()));
        }
    }

    @BeforeEach
    void setUp() {
        MockVaadin.setup(new Routes(Set.of(FirstPage.class, SecondPage.class), Set.of(), true));
        UI.getCurrent().setLocale(Locale.ENGLISH);
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    @Test
    void a_switch_sets_every_bound_text_on_the_page() {
        FirstPage page = open(FirstPage.class);
        assertThat(page.title.getText()).isEqualTo("text in en");

        switchTo(RUSSIAN);

        assertThat(page.title.getText()).isEqualTo("text in ru");
    }

    @Test
    void a_component_added_after_the_switch_shows_the_new_language() {
        FirstPage page = open(FirstPage.class);

        switchTo(RUSSIAN);
        page.add(page.kept);

        assertThat(page.kept.getText()).isEqualTo("text in ru");
    }

    @Test
    void a_component_taken_off_and_put_back_after_a_navigation_and_a_switch_shows_the_new_language() {
        FirstPage page = open(FirstPage.class);
        page.remove(page.title);
        UI.getCurrent().navigate("localized-first", QueryParameters.of("again", "yes"));
        assertThat(UI.getCurrent().getCurrentView()).isSameAs(page);

        switchTo(RUSSIAN);
        page.add(page.title);

        assertThat(page.title.getText()).isEqualTo("text in ru");
    }

    @Test
    void a_text_made_outside_any_page_is_english_and_follows_the_page_it_joins() {
        UI ui = UI.getCurrent();
        UI.setCurrent(null);
        Span made = tagged(new Span());
        UI.setCurrent(ui);
        assertThat(made.getText()).isEqualTo("text in en");
        FirstPage page = open(FirstPage.class);
        switchTo(RUSSIAN);

        page.add(made);

        assertThat(made.getText()).isEqualTo("text in ru");
    }

    @Test
    void the_page_left_behind_is_let_go_of_and_not_set_again() {
        FirstPage left = open(FirstPage.class);
        open(SecondPage.class);

        switchTo(RUSSIAN);

        // Kept by the page's bindings it would have been set too, as a detached component on the page is
        assertThat(left.title.getText()).isEqualTo("text in en");
        assertThat(UI.getCurrent().getCurrentView().getChildren()).singleElement()
                .satisfies(text -> assertThat(((Span) text).getText()).isEqualTo("text in ru"));
    }

    private static Span tagged(Span span) {
        return Localized.bind(span, span::setText, locale -> "text in " + locale.getLanguage());
    }

    private static <T extends Component> T open(Class<T> page) {
        UI.getCurrent().navigate(page);
        return page.cast(UI.getCurrent().getCurrentView());
    }

    private static void switchTo(Locale locale) {
        UI ui = UI.getCurrent();
        ui.setLocale(locale);
        Localized.refresh(ui);
    }
}
