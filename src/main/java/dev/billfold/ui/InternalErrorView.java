package dev.billfold.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;
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
        String message = ErrorMessages.failed(parameter.getCaughtException());
        add(new H1("Something went wrong"), new Paragraph(message), new Anchor("", "Back to Billfold"));
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}
