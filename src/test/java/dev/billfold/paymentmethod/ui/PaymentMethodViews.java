package dev.billfold.paymentmethod.ui;

import com.vaadin.flow.component.Component;

/** The payment-methods page for view tests of other packages, which cannot name the package-private view. */
public final class PaymentMethodViews {

    public static final Class<? extends Component> METHODS = PaymentMethodsView.class;

    private PaymentMethodViews() {
    }
}
