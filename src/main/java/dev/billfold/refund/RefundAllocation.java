package dev.billfold.refund;

import dev.billfold.base.Money;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * The rule of DD-071, without I/O: the refundable amount is the lower of the balance and the sum of the still
 * refundable top-ups, and an amount is allocated to the most recent of them first, each at most what it has left.
 *
 * @param topUps the account's credited top-ups, most recent first
 */
record RefundAllocation(Money balance, List<RefundableTopUp> topUps) {

    RefundAllocation {
        topUps = List.copyOf(topUps);
    }

    Currency currency() {
        return balance.currency();
    }

    /** The sum of what the eligible top-ups have left. */
    Money refundableTopUps() {
        return topUps.stream().filter(RefundableTopUp::eligible).map(RefundableTopUp::remaining)
                .reduce(Money.zero(currency()), Money::plus);
    }

    /** min(balance, refundable top-ups), never below zero. */
    Money refundable() {
        Money topUpsLeft = refundableTopUps();
        if (!balance.isPositive()) {
            return Money.zero(currency());
        }
        return balance.isLessThan(topUpsLeft) ? balance : topUpsLeft;
    }

    /** The amount split over the eligible top-ups, most recent first; the caller checked it is refundable. */
    List<Share> allocate(Money amount) {
        if (amount.isGreaterThan(refundable())) {
            throw new IllegalArgumentException(amount + " is more than the refundable " + refundable());
        }
        List<Share> shares = new ArrayList<>();
        Money left = amount;
        for (RefundableTopUp topUp : topUps) {
            if (!left.isPositive()) {
                break;
            }
            if (!topUp.eligible()) {
                continue;
            }
            Money share = topUp.remaining().isLessThan(left) ? topUp.remaining() : left;
            shares.add(new Share(topUp, share));
            left = left.minus(share);
        }
        return List.copyOf(shares);
    }

    /** One top-up's share of a refund. */
    record Share(RefundableTopUp topUp, Money amount) {
    }
}
