package dev.billfold.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An endpoint's signing secret in the Standard Webhooks form {@code whsec_<base64 of 32 random bytes>}, and the
 * signature it makes: {@code v1,<base64 HMAC-SHA256 of "id.timestamp.body">} with the decoded bytes as the key.
 * {@link #toString()} never shows it.
 */
final class WebhookSecret {

    static final String PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String text;
    private final byte[] key;

    private WebhookSecret(String text) {
        if (!text.startsWith(PREFIX)) {
            throw new IllegalArgumentException("A webhook secret starts with " + PREFIX);
        }
        this.text = text;
        this.key = Base64.getDecoder().decode(text.substring(PREFIX.length()));
        if (key.length < 24) {
            throw new IllegalArgumentException("A webhook secret has at least 24 bytes");
        }
    }

    static WebhookSecret generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new WebhookSecret(PREFIX + Base64.getEncoder().encodeToString(bytes));
    }

    static WebhookSecret of(String text) {
        return new WebhookSecret(text);
    }

    /** The form the receiver configures, shown to staff once. */
    String text() {
        return text;
    }

    /** One {@code v1,<base64>} signature of the message. */
    String sign(String messageId, long timestampSeconds, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] signed = mac.doFinal((messageId + "." + timestampSeconds + "." + body)
                    .getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(signed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return PREFIX + "****";
    }
}
