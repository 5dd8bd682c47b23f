package dev.billfold.webhook;

/** Where a delivery of one event to one endpoint stands. */
public enum DeliveryStatus {
    /** Waiting for its (next) attempt. */
    PENDING,
    /** Claimed by a sender until its lease ends. */
    SENDING,
    /** The receiver answered 2xx. */
    DELIVERED,
    /** The schedule is used up, the receiver answered 410, or the endpoint was switched off. Staff may replay it. */
    FAILED
}
