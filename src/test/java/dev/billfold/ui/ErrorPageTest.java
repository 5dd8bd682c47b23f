package dev.billfold.ui;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.RequestDispatcher;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.ProblemDetail;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * The error pages (DD-083): the reference shown is the one logged at ERROR with the exception, and nothing of the
 * exception (message, class, SQL) reaches the customer.
 */
@ExtendWith(OutputCaptureExtension.class)
class ErrorPageTest {

    static final Pattern REFERENCE = Pattern.compile("Reference: ([0-9a-f]{16,32})");
    static final String SECRET = "select card_number from payment where id = 42";

    @Test
    void spring_error_page_shows_the_logged_reference_and_nothing_of_the_exception(CapturedOutput output) {
        var request = failedRequest();
        String html = new ErrorPage().page(request).getBody();

        Matcher shown = REFERENCE.matcher(html);
        assertThat(shown.find()).as(html).isTrue();
        assertThat(html).contains("Something went wrong.").doesNotContain(SECRET).doesNotContain("SQLException")
                .doesNotContain("dev.billfold").doesNotContain("at ");
        assertThat(output.getOut()).contains("ERROR").contains("support reference " + shown.group(1))
                .contains(SECRET);
    }

    @Test
    void spring_error_page_speaks_the_browsers_language() {
        var request = failedRequest();
        request.addPreferredLocale(java.util.Locale.of("ru"));

        String html = new ErrorPage().page(request).getBody();

        assertThat(html).contains("<html lang=\"ru\">").contains("Что-то пошло не так. Код для поддержки: ")
                .contains("Вернуться в Billfold").doesNotContain(SECRET).doesNotContain("!{");
    }

    @Test
    void api_callers_get_problem_json_with_the_logged_reference(CapturedOutput output) {
        ProblemDetail problem = new ErrorPage().problem(failedRequest()).getBody();

        assertThat(problem.getStatus()).isEqualTo(500);
        String reference = (String) problem.getProperties().get("reference");
        assertThat(reference).matches("[0-9a-f]{16,32}");
        assertThat(problem.getDetail()).doesNotContain(SECRET);
        assertThat(output.getOut()).contains("support reference " + reference);
    }

    @Test
    void a_not_found_gets_no_reference_and_logs_no_error(CapturedOutput output) {
        var request = new MockHttpServletRequest("GET", "/error");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 404);
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/nothing-here");
        String html = new ErrorPage().page(request).getBody();

        assertThat(html).contains("Not Found").doesNotContain("Reference");
        assertThat(output.getOut()).doesNotContain("ERROR");
    }

    @Test
    void the_status_line_is_in_the_readers_language() {
        assertThat(statusLine(404, "ru")).isEqualTo("404 Страница не найдена");
        assertThat(statusLine(403, "kk")).isEqualTo("403 Қол жеткізуге тыйым салынған");
        assertThat(statusLine(429, "uz")).isEqualTo("429 Soʻrovlar juda koʻp");
        assertThat(statusLine(404, "sw")).isEqualTo("404 Ukurasa haukupatikana");
        assertThat(statusLine(404, "en")).isEqualTo("404 Not Found");
        assertThat(statusLine(404, "fr")).as("a language Billfold does not speak: English").isEqualTo("404 Not Found");
        assertThat(statusLine(418, "ru")).as("a status without a text of its own").isEqualTo("418 Ошибка");
    }

    @Test
    void every_translated_status_has_its_reason_in_every_language() {
        for (String language : dev.billfold.base.Texts.TAGS) {
            for (int code : ErrorPage.TRANSLATED) {
                assertThat(ErrorPage.reason(language, org.springframework.http.HttpStatus.valueOf(code)))
                        .as("%s %s", language, code).doesNotContain("!{").isNotBlank();
            }
        }
    }

    /** The page's heading for an error dispatch of this status, asked for in this language. */
    private static String statusLine(int status, String language) {
        var request = new MockHttpServletRequest("GET", "/error");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status);
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/somewhere");
        request.addPreferredLocale(java.util.Locale.forLanguageTag(language));
        String html = new ErrorPage().page(request).getBody();
        Matcher heading = Pattern.compile("<h1>([^<]*)</h1>").matcher(html);
        assertThat(heading.find()).as(html).isTrue();
        return org.springframework.web.util.HtmlUtils.htmlUnescape(heading.group(1));
    }

    private static MockHttpServletRequest failedRequest() {
        var request = new MockHttpServletRequest("GET", "/error");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 500);
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/payments");
        request.setAttribute(RequestDispatcher.ERROR_EXCEPTION,
                new IllegalStateException("wrapped", new java.sql.SQLException(SECRET)));
        return request;
    }
}
