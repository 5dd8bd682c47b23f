/**
 * The Stripe provider: Checkout Sessions for card top-ups and for saving a card, off-session PaymentIntents for saved
 * cards, and signed webhooks. Switched on by a secret key; talks back to Billfold only through the inbound ports in
 * {@code dev.billfold.gateway}.
 */
@NullMarked
package dev.billfold.gateway.stripe;

import org.jspecify.annotations.NullMarked;
