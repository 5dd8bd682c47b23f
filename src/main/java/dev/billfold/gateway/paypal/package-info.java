/**
 * PayPal behind {@link dev.billfold.gateway.PaymentGateway}: Orders v2 through PayPal's server SDK, vaulting, webhooks.
 */
@NullMarked
package dev.billfold.gateway.paypal;

import org.jspecify.annotations.NullMarked;
