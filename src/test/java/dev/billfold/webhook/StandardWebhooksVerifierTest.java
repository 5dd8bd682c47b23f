package dev.billfold.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The independent verifier on the Standard Webhooks specification's test vector, and our signer checked by it (so the
 * contract tests' verdicts stand on the specification, not on our own code agreeing with itself).
 */
class StandardWebhooksVerifierTest {

    // The specification's (and its reference libraries') test vector.
    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    static final String TIMESTAMP = "1614265330";
    static final String BODY = "{\"test\": 2432232314}";
    static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
    static final Instant THEN = Instant.ofEpochSecond(1614265330);

    @Test
    void the_verifier_accepts_the_specifications_test_vector() {
        StandardWebhooksVerifier.verify(SECRET, ID, TIMESTAMP, SIGNATURE, BODY, THEN);
        StandardWebhooksVerifier.verify(SECRET, ID, TIMESTAMP, "v1,bm9ub25zZW5zZQ== " + SIGNATURE, BODY, THEN);
    }

    @Test
    void the_verifier_refuses_a_changed_body_id_or_timestamp_and_an_old_timestamp() {
        assertThatThrownBy(() -> StandardWebhooksVerifier.verify(SECRET, ID, TIMESTAMP, SIGNATURE, BODY + " ", THEN))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> StandardWebhooksVerifier.verify(SECRET, ID + "x", TIMESTAMP, SIGNATURE, BODY, THEN))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> StandardWebhooksVerifier.verify(SECRET, ID, "1614265331", SIGNATURE, BODY, THEN))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> StandardWebhooksVerifier.verify(SECRET, ID, TIMESTAMP, SIGNATURE, BODY,
                THEN.plusSeconds(301))).hasMessageContaining("too far");
    }

    @Test
    void our_signer_makes_the_specifications_signature() {
        assertThat(WebhookSecret.of(SECRET).sign(ID, Long.parseLong(TIMESTAMP), BODY)).isEqualTo(SIGNATURE);
    }

    @Test
    void a_generated_secret_is_whsec_with_32_random_bytes_and_never_printed() {
        WebhookSecret one = WebhookSecret.generate();
        WebhookSecret two = WebhookSecret.generate();
        assertThat(one.text()).startsWith("whsec_").hasSize("whsec_".length() + 44).isNotEqualTo(two.text());
        assertThat(one.toString()).doesNotContain(one.text().substring(6));
        String signature = one.sign("msg_1", 1700000000, "{}");
        StandardWebhooksVerifier.verify(one.text(), "msg_1", "1700000000", signature, "{}",
                Instant.ofEpochSecond(1700000000));
        assertThatThrownBy(() -> StandardWebhooksVerifier.verify(two.text(), "msg_1", "1700000000", signature, "{}",
                Instant.ofEpochSecond(1700000000))).isInstanceOf(AssertionError.class);
    }
}
