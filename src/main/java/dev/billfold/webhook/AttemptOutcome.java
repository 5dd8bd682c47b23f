package dev.billfold.webhook;

/** How one attempt ended, for the delivery log. */
public enum AttemptOutcome {
    /** 2xx. */
    DELIVERED,
    /** Another answer (3xx are not followed and count here); retried on the schedule. */
    REFUSED,
    /** 429 or 503: retried after the receiver's Retry-After, if it gave one. */
    THROTTLED,
    /** 410 Gone: the endpoint is switched off. */
    GONE,
    /** No answer within the timeout. */
    TIMEOUT,
    /** The connection failed. */
    NETWORK,
    /** Not sent: the target is not allowed (https only, or a private address). */
    BLOCKED
}
