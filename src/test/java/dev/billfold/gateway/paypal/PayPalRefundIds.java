package dev.billfold.gateway.paypal;

import java.util.concurrent.ThreadLocalRandom;

/** PayPal-shaped refund ids (17 upper-case letters and digits), new for every test that asks. */
final class PayPalRefundIds {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private PayPalRefundIds() {
    }

    static String next() {
        var id = new StringBuilder(17);
        for (int i = 0; i < 17; i++) {
            id.append(ALPHABET.charAt(ThreadLocalRandom.current().nextInt(ALPHABET.length())));
        }
        return id.toString();
    }
}
