package dev.billfold.paymentmethod.ui;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.paymentmethod.PaymentMethodId;
import dev.billfold.paymentmethod.PaymentMethodService;
import jakarta.annotation.security.PermitAll;
import java.util.UUID;

/**
 * Where a provider's setup page sends the customer back. The provider is asked what happened (through the service;
 * nothing in the URL but the method id is used, and that only after the access check), then the methods page shows
 * the outcome.
 */
@Route(PaymentMethodService.SETUP_RETURN_ROUTE + "/:methodId")
@PermitAll
class MethodSetupReturnView extends Div implements BeforeEnterObserver {

    /** The bundle key of the banner's text when there is no method to report on. */
    static final String NOT_FOUND = "paymentmethod.setup.not-found";

    private final PaymentMethodService methods;

    MethodSetupReturnView(PaymentMethodService methods) {
        this.methods = methods;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String raw = event.getRouteParameters().get("methodId").orElse("");
        SetupOutcome outcome;
        try {
            outcome = SetupOutcome.of(methods.checkSetup(new PaymentMethodId(UUID.fromString(raw))));
        } catch (IllegalArgumentException | InvalidRequestException notFound) {
            outcome = SetupOutcome.error(NOT_FOUND);
        }
        ComponentUtil.setData(event.getUI(), SetupOutcome.class, outcome);
        event.forwardTo(PaymentMethodsView.class);
    }
}
