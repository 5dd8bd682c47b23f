package dev.billfold.refund;

/** The decision on a request; where each part's money stands is the part's own status. */
public enum RefundRequestStatus {
    AWAITING_APPROVAL, APPROVED, REJECTED
}
