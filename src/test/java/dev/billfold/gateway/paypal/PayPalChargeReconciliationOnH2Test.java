package dev.billfold.gateway.paypal;

/** Lost PayPal charges reconciled on the embedded default's H2. */
class PayPalChargeReconciliationOnH2Test extends PayPalChargeReconciliationContract {
}
