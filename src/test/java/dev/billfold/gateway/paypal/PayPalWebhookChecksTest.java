package dev.billfold.gateway.paypal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billfold.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.env.StandardEnvironment;

/** The checks a webhook delivery passes before PayPal is asked, on a clock of their own. */
class PayPalWebhookChecksTest {

    static final Instant NOW = Instant.parse("2026-11-22T06:05:01Z");
    static final String FAKE = "http://localhost:41234";
    static final String CERT_PATH = "/v1/notifications/certs/CERT-360caa42-fca2a594-1d93a270";

    final MutableClock clock = new MutableClock(NOW);

    @Test
    void a_delivery_sent_now_by_paypals_sandbox_passes() {
        assertThat(sandbox(false).refusal(headers())).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-22T06:00:01Z", "2026-11-22T06:10:01Z", "2026-11-22T08:05:01+02:00",
            "2026-11-22T06:05:01.123456Z"})
    void a_transmission_up_to_five_minutes_off_either_way_passes(String sent) {
        assertThat(sandbox(false).refusal(with(PayPalWebhookVerifier.TRANSMISSION_TIME, sent))).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-22T06:00:00Z", "2026-11-22T06:10:02Z", "2026-11-21T06:05:01Z"})
    void a_transmission_more_than_five_minutes_off_is_refused(String sent) {
        assertThat(sandbox(false).refusal(with(PayPalWebhookVerifier.TRANSMISSION_TIME, sent)))
                .isEqualTo(PayPalWebhookChecks.STALE);
    }

    @Test
    void the_window_moves_with_the_clock() {
        var checks = sandbox(false);
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));

        assertThat(checks.refusal(headers())).isEqualTo(PayPalWebhookChecks.STALE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://api.sandbox.paypal.com" + CERT_PATH, "https://api-m.sandbox.paypal.com" + CERT_PATH,
            "https://API.SANDBOX.PAYPAL.COM" + CERT_PATH, "https://api.sandbox.paypal.com:443" + CERT_PATH})
    void sandbox_certificates_pass_on_the_sandbox(String url) {
        assertThat(sandbox(false).refusal(with(PayPalWebhookVerifier.CERT_URL, url))).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://api.paypal.com" + CERT_PATH, "https://api-m.paypal.com" + CERT_PATH})
    void live_certificates_pass_in_production_and_not_on_the_sandbox(String url) {
        assertThat(live(true).refusal(with(PayPalWebhookVerifier.CERT_URL, url))).isNull();
        assertThat(sandbox(false).refusal(with(PayPalWebhookVerifier.CERT_URL, url)))
                .isEqualTo(PayPalWebhookChecks.NOT_PAYPALS_CERTIFICATE);
    }

    @Test
    void sandbox_certificates_are_refused_for_a_live_webhook() {
        assertThat(live(true).refusal(headers())).isEqualTo(PayPalWebhookChecks.NOT_PAYPALS_CERTIFICATE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://api.sandbox.paypal.com" + CERT_PATH, "https://api.sandbox.paypal.com:8443" + CERT_PATH,
            "https://api.sandbox.paypal.com.evil.example" + CERT_PATH, "https://api.sandbox.paypal.com@evil.example/c",
            "https://user:pw@api.sandbox.paypal.com" + CERT_PATH, "https://sandbox.paypal.com" + CERT_PATH,
            "https://evilapi.sandbox.paypal.com" + CERT_PATH, "https://api.sandbox.paypal.com." + CERT_PATH,
            "https://169.254.169.254/latest/meta-data", "file:///etc/passwd", "//api.sandbox.paypal.com/c", "x"})
    void any_other_certificate_url_is_refused(String url) {
        assertThat(sandbox(false).refusal(with(PayPalWebhookVerifier.CERT_URL, url)))
                .isEqualTo(PayPalWebhookChecks.NOT_PAYPALS_CERTIFICATE);
    }

    @Test
    void the_local_fake_passes_only_outside_the_production_profile() {
        var fakeCertificate = with(PayPalWebhookVerifier.CERT_URL, FAKE + CERT_PATH);

        assertThat(sandbox(false).refusal(fakeCertificate)).isNull();
        assertThat(sandbox(false).refusal(with(PayPalWebhookVerifier.CERT_URL, "http://localhost:41235" + CERT_PATH)))
                .as("another port of the same host").isEqualTo(PayPalWebhookChecks.NOT_PAYPALS_CERTIFICATE);
        assertThat(sandbox(true).refusal(fakeCertificate)).isEqualTo(PayPalWebhookChecks.NOT_PAYPALS_CERTIFICATE);
    }

    @Test
    void the_production_profile_of_the_real_configuration_cannot_widen_the_hosts_by_the_test_base_url() {
        var production = new StandardEnvironment();
        production.setActiveProfiles("production");
        var elsewhere = new StandardEnvironment();

        var fakeCertificate = with(PayPalWebhookVerifier.CERT_URL, FAKE + CERT_PATH);

        assertThat(new PayPalConfiguration().payPalWebhookChecks(properties("SANDBOX"), clock, production)
                .refusal(fakeCertificate)).isEqualTo(PayPalWebhookChecks.NOT_PAYPALS_CERTIFICATE);
        assertThat(new PayPalConfiguration().payPalWebhookChecks(properties("SANDBOX"), clock, elsewhere)
                .refusal(fakeCertificate)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"SHA1withRSA", "sha256withrsa", "SHA256withRSA-PSS", "none", "HS256"})
    void algorithms_off_the_allow_list_are_refused(String algorithm) {
        assertThat(sandbox(false).refusal(with(PayPalWebhookVerifier.AUTH_ALGO, algorithm)))
                .isEqualTo(PayPalWebhookChecks.ALGORITHM);
    }

    @ParameterizedTest
    @ValueSource(strings = {PayPalWebhookVerifier.TRANSMISSION_ID, PayPalWebhookVerifier.TRANSMISSION_TIME,
            PayPalWebhookVerifier.TRANSMISSION_SIG, PayPalWebhookVerifier.CERT_URL, PayPalWebhookVerifier.AUTH_ALGO})
    void each_missing_or_blank_header_is_refused(String header) {
        Map<String, String> missing = headers();
        missing.remove(header);

        assertThat(sandbox(false).refusal(missing)).isEqualTo(PayPalWebhookChecks.MISSING_HEADERS);
        assertThat(sandbox(false).refusal(with(header, " "))).isEqualTo(PayPalWebhookChecks.MISSING_HEADERS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2026-11-22 06:05:01", "2026-11-22T06:05:01", "1795327501"})
    void an_unreadable_transmission_time_is_refused(String sent) {
        assertThat(sandbox(false).refusal(with(PayPalWebhookVerifier.TRANSMISSION_TIME, sent)))
                .isEqualTo(PayPalWebhookChecks.UNREADABLE_TIME);
    }

    private PayPalWebhookChecks sandbox(boolean productionProfile) {
        return PayPalWebhookChecks.of(properties("SANDBOX"), productionProfile, clock);
    }

    private PayPalWebhookChecks live(boolean productionProfile) {
        return PayPalWebhookChecks.of(properties("PRODUCTION"), productionProfile, clock);
    }

    private static PayPalProperties properties(String environment) {
        return new PayPalProperties("client", "secret", "WH-TEST-1", environment, "https://billing.example.com", FAKE,
                "Billfold", Duration.ofSeconds(5), Duration.ofSeconds(20), Duration.ofHours(6), 8, Duration.ofMinutes(5));
    }

    private static Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(PayPalWebhookVerifier.TRANSMISSION_ID, "69cd13f0-d67a-11e5-baa3-778b53f4ae55");
        headers.put(PayPalWebhookVerifier.TRANSMISSION_TIME, NOW.toString());
        headers.put(PayPalWebhookVerifier.TRANSMISSION_SIG, "eDOnWUj9FXOnr2naQnrdL7bhgejVSTwRbwbJ0kuk5wAtm2ZYkr7w5BSUDO7e5Z");
        headers.put(PayPalWebhookVerifier.CERT_URL, "https://api.sandbox.paypal.com" + CERT_PATH);
        headers.put(PayPalWebhookVerifier.AUTH_ALGO, "SHA256withRSA");
        return headers;
    }

    private static Map<String, String> with(String header, String value) {
        Map<String, String> headers = headers();
        headers.put(header, value);
        return headers;
    }
}
