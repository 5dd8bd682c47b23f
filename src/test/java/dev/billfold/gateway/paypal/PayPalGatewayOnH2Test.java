package dev.billfold.gateway.paypal;

/** The PayPal provider on the embedded default database. */
class PayPalGatewayOnH2Test extends PayPalGatewayContract {
}
