package dev.billfold.ui;

import dev.billfold.base.SupportReference;
import dev.billfold.base.Texts;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.util.HtmlUtils;

/**
 * Spring's {@code /error}, in place of the whitelabel page: a failure of ours is logged at ERROR with a support
 * reference, and the page (or, for an API caller, the problem JSON) shows that reference and nothing internal: no
 * exception, message, class or SQL (DD-083). A 4xx says only what its status says.
 */
@Controller
@RequestMapping("${server.error.path:/error}")
class ErrorPage implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ErrorPage.class);
    static final String GENERIC = "Something went wrong.";
    /** The statuses with a reason in the bundles (ui.error-page.status.404): those a customer may meet. */
    static final Set<Integer> TRANSLATED = Set.of(400, 401, 403, 404, 405, 408, 409, 413, 415, 429, 500, 502, 503,
            504);

    @RequestMapping(produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(HttpServletRequest request) {
        Outcome outcome = outcome(request);
        // The browser's language: outside Vaadin there is no page language, and no user may be signed in.
        String language = Texts.TAGS.contains(request.getLocale().getLanguage()) ? request.getLocale().getLanguage()
                : "en";
        String reason = reason(language, outcome.status());
        String text = outcome.reference() == null ? reason
                : Texts.shipped().text(language, "ui.error-page.failed", outcome.reference());
        String html = """
                <!DOCTYPE html><html lang="%s"><head><meta charset="utf-8"><title>Billfold</title></head>
                <body><main><h1>%s</h1><p>%s</p><p><a href="/">%s</a></p></main></body></html>
                """.formatted(language, HtmlUtils.htmlEscape(outcome.status().value() + " " + reason),
                HtmlUtils.htmlEscape(text), HtmlUtils.htmlEscape(Texts.shipped().text(language, "ui.error.back")));
        return ResponseEntity.status(outcome.status()).contentType(MediaType.TEXT_HTML).body(html);
    }

    /** "Страница не найдена": the status's reason in the reader's language; one without a text of its own, "Ошибка". */
    static String reason(String language, HttpStatus status) {
        return Texts.shipped().text(language, TRANSLATED.contains(status.value()) ? "ui.error-page.status."
                + status.value() : "ui.error-page.other-status");
    }

    @RequestMapping
    ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
        Outcome outcome = outcome(request);
        ProblemDetail problem = ProblemDetail.forStatus(outcome.status());
        if (outcome.reference() != null) {
            problem.setDetail(GENERIC + " Quote the reference to support.");
            problem.setProperty("reference", outcome.reference());
        }
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri instanceof String path && path.startsWith("/")) {
            problem.setInstance(URI.create(path.replaceAll("[^A-Za-z0-9/._~-]", "")));
        }
        return ResponseEntity.status(outcome.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private Outcome outcome(HttpServletRequest request) {
        if (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) == null) {
            // Asked for directly, not an error dispatch: nothing failed, and nothing is logged.
            return new Outcome(HttpStatus.NOT_FOUND, null);
        }
        HttpStatus status = HttpStatus.resolve(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE)
                instanceof Integer code ? code : 500);
        if (status == null) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        if (!status.is5xxServerError()) {
            return new Outcome(status, null);
        }
        String reference = SupportReference.next();
        Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        log.error("Request {} failed with {}; support reference {}", request.getAttribute(
                RequestDispatcher.ERROR_REQUEST_URI), status.value(), reference,
                failure instanceof Throwable thrown ? thrown : null);
        return new Outcome(status, reference);
    }

    private record Outcome(HttpStatus status, @Nullable String reference) {
    }
}
