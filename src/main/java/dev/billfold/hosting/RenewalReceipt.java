package dev.billfold.hosting;

import dev.billfold.base.Money;
import java.util.List;

/** A renewal paid from the balance: what was renewed until when, what it cost, and the balance left. */
public record RenewalReceipt(List<RenewalQuote.Line> lines, Money total, Money balanceAfter) {
}
