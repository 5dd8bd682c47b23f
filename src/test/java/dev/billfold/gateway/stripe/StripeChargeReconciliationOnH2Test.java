package dev.billfold.gateway.stripe;

/** Lost Stripe charges reconciled on the embedded default's H2. */
class StripeChargeReconciliationOnH2Test extends StripeChargeReconciliationContract {
}
