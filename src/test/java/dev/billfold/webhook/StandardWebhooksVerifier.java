package dev.billfold.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A receiver's check of a Standard Webhooks request, written from the specification and independent of
 * {@code WebhookSecret} (proven on the specification's own test vector in {@code StandardWebhooksVerifierTest}): the
 * key is the base64 after {@code whsec_}; the signed content is {@code id.timestamp.body}; the header holds
 * space-separated {@code v1,<base64>} signatures, any of which may match; the timestamp must be within five minutes.
 */
public final class StandardWebhooksVerifier {

    static final Duration TOLERANCE = Duration.ofMinutes(5);

    private StandardWebhooksVerifier() {
    }

    /** Throws an AssertionError that says why, unless the request is signed with {@code secret}. */
    public static void verify(String secret, String id, String timestamp, String signatures, String body, Instant now) {
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            throw new AssertionError("webhook-timestamp is not a number: " + timestamp);
        }
        if (Duration.between(Instant.ofEpochSecond(seconds), now).abs().compareTo(TOLERANCE) > 0) {
            throw new AssertionError("webhook-timestamp " + timestamp + " is too far from " + now);
        }
        byte[] expected = hmac(secret, id + "." + timestamp + "." + body);
        for (String signature : signatures.split(" ")) {
            int comma = signature.indexOf(',');
            if (comma < 0 || !signature.substring(0, comma).equals("v1")) {
                continue;
            }
            byte[] given;
            try {
                given = Base64.getDecoder().decode(signature.substring(comma + 1));
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (MessageDigest.isEqual(expected, given)) {
                return;
            }
        }
        throw new AssertionError("No signature in [" + signatures + "] matches the secret");
    }

    public static void verify(String secret, WebhookReceiver.Received request, Instant now) {
        verify(secret, request.header("webhook-id"), request.header("webhook-timestamp"),
                request.header("webhook-signature"), request.body(), now);
    }

    static boolean matches(String secret, WebhookReceiver.Received request, Instant now) {
        try {
            verify(secret, request, now);
            return true;
        } catch (AssertionError no) {
            return false;
        }
    }

    private static byte[] hmac(String secret, String content) {
        if (!secret.startsWith("whsec_")) {
            throw new AssertionError("Not a whsec_ secret");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())),
                    "HmacSHA256"));
            return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
