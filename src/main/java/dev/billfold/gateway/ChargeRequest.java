package dev.billfold.gateway;

import dev.billfold.base.Money;

/** An off-session charge of a saved method. */
public record ChargeRequest(String idempotencyKey, String methodToken, Money amount, String description) {
}
