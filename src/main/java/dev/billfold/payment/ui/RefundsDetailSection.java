package dev.billfold.payment.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import dev.billfold.base.Money;
import dev.billfold.payment.PaymentDetails;
import dev.billfold.payment.PaymentHistoryQuery;
import java.util.List;
import java.util.Optional;

/**
 * A payment's refunds and disputes in its detail: "Refunded $30.00 of $100.00" for a partial refund, "Disputed" with
 * the dispute's status at the provider, and each refund and dispute on its own line (DD-070).
 */
@org.springframework.stereotype.Component
class RefundsDetailSection implements PaymentDetailSection {

    private final PaymentHistoryQuery history;

    RefundsDetailSection(PaymentHistoryQuery history) {
        this.history = history;
    }

    @Override
    public int position() {
        return 50;
    }

    @Override
    public Optional<com.vaadin.flow.component.Component> section(PaymentDetails payment) {
        List<PaymentHistoryQuery.Reversal> reversals = history.reversals(payment.id());
        if (reversals.isEmpty()) {
            return Optional.empty();
        }
        Money refunded = reversals.stream()
                .filter(r -> r.kind() == PaymentHistoryQuery.Reversal.Kind.REFUND && r.state().equals("SUCCEEDED"))
                .map(PaymentHistoryQuery.Reversal::amount).reduce(Money.zero(payment.amount().currency()), Money::plus);
        var section = new Div();
        section.setId("detail-refunds");
        section.addClassName("detail-refunds");
        section.add(new H4("Refunds and disputes"));
        if (refunded.isPositive()) {
            var summary = new Paragraph("Refunded %s of %s".formatted(refunded.format(), payment.amount().format()));
            summary.setId("detail-refunded");
            section.add(summary);
        }
        var list = new UnorderedList();
        for (PaymentHistoryQuery.Reversal reversal : reversals) {
            list.add(new ListItem(line(reversal)));
        }
        section.add(list);
        return Optional.of(section);
    }

    private static String line(PaymentHistoryQuery.Reversal reversal) {
        String amount = reversal.amount().format();
        if (reversal.kind() == PaymentHistoryQuery.Reversal.Kind.DISPUTE) {
            return switch (reversal.state()) {
                case "OPEN" -> "Disputed: %s (%s). The disputed amount is debited while the dispute is open."
                        .formatted(amount, reversal.detail());
                case "WON" -> "Dispute won: %s credited back.".formatted(amount);
                default -> "Dispute lost: %s stays debited.".formatted(amount);
            };
        }
        String state = switch (reversal.state()) {
            case "SUCCEEDED" -> "Refunded";
            case "PENDING" -> "Refund pending";
            case "FAILED" -> "Refund failed, the amount was returned to your balance";
            default -> "Refund cancelled, the amount was returned to your balance";
        };
        return "%s: %s.%s".formatted(state, amount, reversal.detail() == null ? "" : " " + reversal.detail());
    }
}
