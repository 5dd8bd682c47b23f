package dev.billfold.refund;

/** Who asked for a refund. */
public enum RefundOrigin {
    /** An Owner or Billing member, for the account's unused balance. */
    CUSTOMER,
    /** A Finance member, for one payment, from the back office (part 3). */
    OPERATOR
}
