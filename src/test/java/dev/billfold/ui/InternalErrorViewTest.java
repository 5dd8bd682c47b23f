package dev.billfold.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import dev.billfold.language.Language;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The Vaadin error view (DD-083): the reference shown is the one logged at ERROR with the exception, nothing of the
 * exception reaches the customer, and the generic words are in the page's language.
 */
@ExtendWith(OutputCaptureExtension.class)
class InternalErrorViewTest extends KaribuTest {

    @Test
    void shows_the_logged_reference_and_nothing_of_the_exception(CapturedOutput output) {
        String text = paragraphOf(failedView());

        Matcher shown = ErrorPageTest.REFERENCE.matcher(text);
        assertThat(shown.find()).as(text).isTrue();
        assertThat(text).startsWith("Something went wrong on our side.")
                .doesNotContain(ErrorPageTest.SECRET).doesNotContain("IllegalStateException");
        assertThat(output.getOut()).contains("support reference " + shown.group(1)).contains(ErrorPageTest.SECRET);
    }

    @Test
    void speaks_the_page_language() {
        UI.getCurrent().setLocale(Language.KK.locale());

        InternalErrorView view = failedView();

        assertThat(view.getChildren().filter(H1.class::isInstance).map(c -> ((H1) c).getText()))
                .containsExactly("Бірдеңе дұрыс болмады");
        assertThat(paragraphOf(view)).startsWith("Біз жақта қате шықты.").contains("Қолдау коды: ")
                .doesNotContain(ErrorPageTest.SECRET);
    }

    private static InternalErrorView failedView() {
        var view = new InternalErrorView();
        int status = view.setErrorParameter(mock(BeforeEnterEvent.class),
                new ErrorParameter<>(Exception.class, new IllegalStateException(ErrorPageTest.SECRET)));
        assertThat(status).isEqualTo(500);
        return view;
    }

    private static String paragraphOf(InternalErrorView view) {
        return view.getChildren().filter(Paragraph.class::isInstance).map(c -> ((Paragraph) c).getText())
                .findFirst().orElseThrow();
    }
}
