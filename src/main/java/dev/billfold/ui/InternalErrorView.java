package dev.billfold.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import dev.billfold.base.ui.Localized;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What a page shows when opening it failed unexpectedly, in place of Vaadin's own error view: a generic sentence and
 * the support reference its log line carries; never the exception, its message or a stack trace (DD-083).
 */
@AnonymousAllowed
class InternalErrorView extends Main implements HasErrorParameter<Exception> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        removeAll();
        String reference = ErrorMessages.logged(parameter.getCaughtException());
        var back = Localized.text(new Anchor(), "ui.error.back");
        back.setHref("");
        add(Localized.text(new H1(), "ui.error.title"), Localized.text(new Paragraph(), "ui.error.failed", reference),
                back);
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}
