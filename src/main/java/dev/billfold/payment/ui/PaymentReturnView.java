package dev.billfold.payment.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.payment.PaymentDetails;
import dev.billfold.payment.PaymentId;
import dev.billfold.payment.PaymentService;
import jakarta.annotation.security.PermitAll;
import java.util.Map;
import java.util.UUID;

/**
 * Where providers send the customer back. It asks the provider for the outcome (through the service), then forwards
 * to the history with the payment highlighted. Nothing from the query string is used.
 */
@Route(PaymentService.RETURN_ROUTE + "/:paymentId")
@PermitAll
class PaymentReturnView extends Div implements BeforeEnterObserver {

    private final PaymentService payments;

    PaymentReturnView(PaymentService payments) {
        this.payments = payments;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String raw = event.getRouteParameters().get("paymentId").orElse("");
        try {
            PaymentId id = new PaymentId(UUID.fromString(raw));
            PaymentDetails payment = payments.confirmReturn(id);
            event.forwardTo(PaymentHistoryView.class,
                    QueryParameters.simple(Map.of(PaymentHistoryView.PAYMENT_PARAMETER,
                            payment.id().value().toString())));
        } catch (IllegalArgumentException | InvalidRequestException notFound) {
            event.forwardTo(PaymentHistoryView.class,
                    QueryParameters.simple(Map.of(PaymentHistoryView.ERROR_PARAMETER, PaymentHistoryView.NOT_FOUND)));
        }
    }
}
