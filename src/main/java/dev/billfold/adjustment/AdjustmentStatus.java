package dev.billfold.adjustment;

/** AWAITING_APPROVAL → POSTED or DECLINED; one at or below the limit is POSTED when requested. Both ends are final. */
public enum AdjustmentStatus {
    AWAITING_APPROVAL, POSTED, DECLINED
}
