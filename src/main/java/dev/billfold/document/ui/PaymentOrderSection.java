package dev.billfold.document.ui;

import com.vaadin.flow.component.Component;
import dev.billfold.document.PaymentOrderService;
import dev.billfold.payment.MethodKind;
import dev.billfold.payment.PaymentDetails;
import dev.billfold.payment.PaymentStatus;
import dev.billfold.payment.ui.PaymentDetailSection;
import java.util.Optional;

/**
 * Adds the payment order to a bank-transfer payment's detail: the upload while the invoice waits for payment, and
 * the orders' status once one was sent. A singleton that only makes components; each is made for one showing.
 */
@org.springframework.stereotype.Component
class PaymentOrderSection implements PaymentDetailSection {

    private final PaymentOrderService orders;

    PaymentOrderSection(PaymentOrderService orders) {
        this.orders = orders;
    }

    @Override
    public int position() {
        return 10;
    }

    @Override
    public Optional<Component> section(PaymentDetails payment) {
        if (payment.methodKind() != MethodKind.INVOICE) {
            return Optional.empty();
        }
        var page = orders.page(payment.id());
        if (page.orders().isEmpty() && (!page.canUpload() || payment.status() != PaymentStatus.WAITING_FOR_PAYMENT)) {
            return Optional.empty();
        }
        return Optional.of(new PaymentOrderPanel(orders, page));
    }
}
