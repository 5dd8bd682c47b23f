package dev.billfold.refund;

import dev.billfold.base.Money;
import java.util.List;

/**
 * What the customer may have refunded now, and how that was worked out (DD-071).
 *
 * @param balance           the current balance
 * @param refundable        the lower of the balance and {@code refundableTopUps}
 * @param refundableTopUps  what the top-ups still within their provider's window have left
 * @param grantedCredit     granted or adjustment credit the account ever received: never refundable
 * @param topUps            every credited top-up, the most recent first, each with why it cannot be refunded if so
 * @param destinations      where {@code refundable} would go, the most recent top-up first
 * @param approvedAtOnce    true when requests are sent at once; false when Finance approves them first
 * @param mayAsk            whether the current user's role may ask (Owner and Billing)
 */
public record RefundQuote(Money balance, Money refundable, Money refundableTopUps, Money grantedCredit,
                          List<RefundableTopUp> topUps, List<Destination> destinations, boolean approvedAtOnce,
                          boolean mayAsk) {

    public RefundQuote {
        topUps = List.copyOf(topUps);
        destinations = List.copyOf(destinations);
    }

    /** Whether the refundable amount includes bank-transfer money, for which the customer gives bank details. */
    public boolean includesPayout() {
        return destinations.stream().anyMatch(d -> d.route() == RefundRoute.PAYOUT);
    }

    /** "Visa •••• 4242: $120.00; PayPal j***@example.com: $30.00". */
    public String destinationsText() {
        return String.join("; ", destinations.stream().map(Destination::text).toList());
    }

    /**
     * The lines that explain the amount: the refundable top-ups against the balance, and what is not refundable and
     * why.
     */
    public List<String> explanation() {
        var lines = new java.util.ArrayList<String>();
        lines.add("Your balance is %s. The top-ups that can still go back to their payment method have %s left."
                .formatted(balance.format(), refundableTopUps.format()));
        lines.add("You can have the lower of the two refunded: %s.".formatted(refundable.format()));
        if (refundableTopUps.isGreaterThan(balance)) {
            Money spent = balance.isNegative() ? refundableTopUps : refundableTopUps.minus(balance);
            lines.add(("%s of those top-ups is no longer on your balance: it was used for services (or refunded), "
                    + "and money already used for services is not refundable.").formatted(spent.format()));
        }
        if (balance.isGreaterThan(refundableTopUps)) {
            lines.add(("%s of your balance is not refundable: granted or adjustment credit, and top-ups that are "
                    + "older than their provider's refund window or cannot go back through it (see below).")
                    .formatted(balance.minus(refundableTopUps).format()));
        }
        if (grantedCredit.isPositive()) {
            lines.add("Granted or adjustment credit (%s so far) is never refunded.".formatted(grantedCredit.format()));
        }
        return List.copyOf(lines);
    }

    /** One top-up's share of the refundable amount, and where it goes. */
    public record Destination(String destination, Money amount, RefundRoute route) {

        public String text() {
            return destination + ": " + amount.format();
        }
    }
}
