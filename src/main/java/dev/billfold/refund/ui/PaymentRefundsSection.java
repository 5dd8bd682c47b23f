package dev.billfold.refund.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import dev.billfold.base.ui.Localized;
import dev.billfold.payment.PaymentDetails;
import dev.billfold.payment.ui.PaymentDetailSection;
import dev.billfold.refund.RefundPartStatus;
import dev.billfold.refund.RefundService;
import dev.billfold.refund.RefundSummary;
import dev.billfold.ui.PageTabs;
import java.util.List;
import java.util.Optional;

/**
 * Adds a credited payment's refund requests that its provider does not know of yet to its detail in the payment
 * history, with the way to the history's "Refunds" tab. A singleton that only makes components.
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
        // Once the provider has it (pending, refunded, failed) or it was paid out, the payment's own "Refunds and
        // disputes" section lists it; here only what is still ours alone: awaiting approval, being sent, a payout due,
        // or rejected.
        List<RefundSummary.Part> parts = refunds.ofPayment(payment.id()).stream()
                .filter(part -> part.status() == RefundPartStatus.RESERVED || part.status() == RefundPartStatus.SENDING
                        || part.status() == RefundPartStatus.PAYOUT_DUE || part.status() == RefundPartStatus.CANCELLED)
                .toList();
        var box = new Div(Localized.text(new H4(), "refund.payment.title"));
        box.setId("payment-refunds");
        for (RefundSummary.Part part : parts) {
            String status = RefundTexts.partStatus(box, part);
            var line = new Paragraph(box.getTranslation("refund.payment.part", part.amount().format(),
                    part.destination(), part.reason() == null ? status
                            : box.getTranslation("refund.payment.part-reason", status, part.reason())));
            line.addClassName("payment-refund");
            box.add(line);
        }
        var ask = Localized.text(new Anchor(PageTabs.REFUNDS, ""), "refund.payment.link");
        ask.setId("payment-refunds-link");
        ask.getElement().setAttribute("router-link", true);
        box.add(ask);
        return Optional.of(box);
    }
}
