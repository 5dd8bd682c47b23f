package dev.billfold.document.ui;

import dev.billfold.document.PaymentOrderReview;
import dev.billfold.staff.ui.OpsMenuEntry;
import java.util.OptionalLong;
import org.springframework.stereotype.Component;

/**
 * The payment-order queue. Its count is the orders under review plus the overdue conditional credits: both wait for
 * a Finance decision on this page.
 */
@Component
class PaymentOrdersMenuEntry implements OpsMenuEntry {

    private final PaymentOrderReview review;

    PaymentOrdersMenuEntry(PaymentOrderReview review) {
        this.review = review;
    }

    @Override
    public String key() {
        return "payment-orders";
    }

    @Override
    public Class<PaymentOrdersView> view() {
        return PaymentOrdersView.class;
    }

    @Override
    public int position() {
        return 22;
    }

    @Override
    public OptionalLong waiting() {
        return OptionalLong.of((long) review.waiting() + review.overdueCount());
    }
}
