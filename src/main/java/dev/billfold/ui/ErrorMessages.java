package dev.billfold.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.SupportReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Errors that escape a view: bad input is shown as it is; anything else becomes a generic message with a support
 * reference, logged in full with that reference (DD-083).
 */
@Component
class ErrorMessages implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(ErrorMessages.class);

    /** Logs an unexpected failure at ERROR under a new support reference, which it returns for the customer. */
    static String logged(Throwable failure) {
        String reference = SupportReference.next();
        log.error("Unexpected error in the UI; support reference {}", reference, failure);
        return reference;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(error -> {
            Throwable cause = error.getThrowable();
            while (cause.getCause() != null && !(cause instanceof InvalidRequestException)) {
                cause = cause.getCause();
            }
            // Bad input speaks the service's words, in the page's language where they are in the bundles.
            String invalidMessage = cause instanceof InvalidRequestException invalid
                    ? invalid.getLocalizedMessage() : null;
            String reference = invalidMessage == null ? logged(error.getThrowable()) : null;
            UI ui = UI.getCurrent();
            if (ui != null) {
                ui.access(() -> Notification.show(invalidMessage != null ? invalidMessage
                                : ui.getTranslation("ui.error.failed", reference), 6000,
                                Notification.Position.TOP_CENTER)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR));
            }
        }));
    }
}
