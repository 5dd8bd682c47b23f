package dev.billfold.payment.ui;

import com.vaadin.flow.component.Component;

/** The payment pages for view tests of other packages, which cannot name the package-private views themselves. */
public final class PaymentViews {

    public static final Class<? extends Component> TOP_UP = TopUpView.class;
    public static final Class<? extends Component> HISTORY = PaymentHistoryView.class;

    private PaymentViews() {
    }
}
