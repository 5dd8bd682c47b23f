package dev.billfold.payment.ui;

import com.vaadin.flow.component.Component;
import dev.billfold.payment.PaymentDetails;
import java.util.Optional;

/**
 * A part of a payment's detail on the customer's payment history that another feature owns: sending a payment order
 * for a waiting invoice, or mailing the invoice again. Contributed as a Spring bean, so that the payment module does
 * not depend on those features and no feature edits the view (as {@code staff.ui.OpsMenuEntry} does for the back
 * office).
 */
public interface PaymentDetailSection {

    /** Sections are shown by this, smallest first, after the invoice. */
    int position();

    /**
     * The section for this payment, or empty when it has nothing to offer (a paid invoice, a card payment). Called on
     * each showing of the detail, for the signed-in customer; the feature's service checks access again on use.
     */
    Optional<Component> section(PaymentDetails payment);
}
