package dev.billfold.payment.ui;

import dev.billfold.payment.PaymentRefunds;
import dev.billfold.ui.PageNotice;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Every portal page says so while the balance is below zero after a refund or a dispute (DD-069). */
@Component
class NegativeBalanceNotice implements PageNotice {

    static final String ID = "negative-balance-notice";

    private final PaymentRefunds refunds;

    NegativeBalanceNotice(PaymentRefunds refunds) {
        this.refunds = refunds;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Optional<String> text() {
        return refunds.negativeBalanceNotice();
    }
}
