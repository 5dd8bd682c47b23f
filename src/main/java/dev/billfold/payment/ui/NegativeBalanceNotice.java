package dev.billfold.payment.ui;

import com.vaadin.flow.component.UI;
import dev.billfold.base.Texts;
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
        // Asked during a navigation, on the page's own thread: worded in that page's language.
        UI ui = UI.getCurrent();
        return refunds.negativeBalanceMessage().map(message -> ui == null
                ? Texts.shipped().text("en", message.key(), message.params())
                : ui.getTranslation(message.key(), message.params()));
    }
}
