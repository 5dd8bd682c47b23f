package dev.billfold.refund.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import dev.billfold.payment.PaymentDetails;
import dev.billfold.payment.ui.PaymentDetailSection;
import dev.billfold.refund.RefundService;
import dev.billfold.refund.RefundSummary;
import dev.billfold.ui.PageTabs;
import java.util.List;
import java.util.Optional;

/**
 * Adds a credited payment's refunds that Billfold started to its detail in the payment history, with the way to ask
 * for a refund of the unused balance (the history's "Refunds" tab). A singleton that only makes components.
 */
@org.springframework.stereotype.Component
class PaymentRefundsSection implements PaymentDetailSection {

    private final RefundService refunds;

    PaymentRefundsSection(RefundService refunds) {
        this.refunds = refunds;
    }

    @Override
    public int position() {
        return 40;
    }

    @Override
    public Optional<Component> section(PaymentDetails payment) {
        if (!payment.status().hasReceipt()) {
            return Optional.empty();
        }
        List<RefundSummary.Part> parts = refunds.ofPayment(payment.id());
        var box = new Div(new H3("Refunds"));
        box.setId("payment-refunds");
        for (RefundSummary.Part part : parts) {
            var line = new Paragraph("%s to %s: %s%s".formatted(part.amount().format(), part.destination(),
                    part.status().label(), part.reason() == null ? "" : " (" + part.reason() + ")"));
            line.addClassName("payment-refund");
            box.add(line);
        }
        var ask = new Anchor(PageTabs.REFUNDS, parts.isEmpty() ? "Ask for a refund of your unused balance"
                : "Your refunds");
        ask.setId("payment-refunds-link");
        ask.getElement().setAttribute("router-link", true);
        box.add(ask);
        return Optional.of(box);
    }
}
