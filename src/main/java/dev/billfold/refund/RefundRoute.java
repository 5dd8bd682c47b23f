package dev.billfold.refund;

/** How a part's money goes back. */
public enum RefundRoute {
    /** Through the provider the payment came in with, to the payer's own card or PayPal account. */
    PROVIDER,
    /** A bank transfer paid in: no provider can send it back, so Finance pays it out and records the transfer. */
    PAYOUT
}
