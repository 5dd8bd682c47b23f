package dev.billfold.payment.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import dev.billfold.base.Money;
import dev.billfold.base.ui.Localized;
import dev.billfold.payment.PaymentDetails;
import dev.billfold.payment.PaymentHistoryQuery;
import java.util.List;
import java.util.Locale;
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
        Locale locale = Localized.localeOf(section);
        section.add(Localized.text(new H4(), "payment.refunds.title"));
        if (refunded.isPositive()) {
            var summary = new Paragraph(section.getTranslation("payment.refunds.refunded-of",
                    refunded.format(locale), payment.amount().format(locale)));
            summary.setId("detail-refunded");
            section.add(summary);
        }
        var list = new UnorderedList();
        for (PaymentHistoryQuery.Reversal reversal : reversals) {
            list.add(new ListItem(line(section, reversal, locale)));
        }
        section.add(list);
        return Optional.of(section);
    }

    /** One refund or dispute; the detail after it is the provider's or the staff's own words. */
    private static String line(Component section, PaymentHistoryQuery.Reversal reversal, Locale locale) {
        String amount = reversal.amount().format(locale);
        if (reversal.kind() == PaymentHistoryQuery.Reversal.Kind.DISPUTE) {
            return switch (reversal.state()) {
                case "OPEN" -> section.getTranslation("payment.refunds.dispute-open", amount,
                        String.valueOf(reversal.detail()));
                case "WON" -> section.getTranslation("payment.refunds.dispute-won", amount);
                default -> section.getTranslation("payment.refunds.dispute-lost", amount);
            };
        }
        String state = section.getTranslation(switch (reversal.state()) {
            case "SUCCEEDED" -> "payment.refunds.state.succeeded";
            case "PENDING" -> "payment.refunds.state.pending";
            case "FAILED" -> "payment.refunds.state.failed";
            default -> "payment.refunds.state.cancelled";
        });
        return section.getTranslation("payment.refunds.line", state, amount)
                + (reversal.detail() == null ? "" : " " + reversal.detail());
    }
}
