package dev.billfold.gateway.stripe;

/** Concurrent webhook deliveries on the embedded default database. */
class StripeWebhookConcurrencyOnH2Test extends StripeWebhookConcurrencyContract {
}
