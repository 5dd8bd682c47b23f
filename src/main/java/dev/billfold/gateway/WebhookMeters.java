package dev.billfold.gateway;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Providers' webhook events received (DD-084): {@code billfold.webhooks.received} per provider and outcome, from the
 * answer the provider gets: {@code accepted} (2xx, processed or knowingly ignored), {@code signature_failed} (a 400
 * from {@link #signatureFailed}: the signature or its signing headers did not check out, so forged, or a secret or
 * webhook id that does not match), {@code refused} (any other 4xx: malformed, too large), {@code retry_later}
 * (429/503, the provider sends it again) or {@code error} (it threw).
 */
@Component
public class WebhookMeters {

    /** Exported only once a provider that sends webhooks is switched on and has sent one. */
    public static final String RECEIVED = "billfold.webhooks.received";

    private final MeterRegistry registry;

    WebhookMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    public ResponseEntity<String> counted(String provider, Supplier<ResponseEntity<String>> handling) {
        String outcome = "error";
        try {
            ResponseEntity<String> answer = handling.get();
            int status = answer.getStatusCode().value();
            outcome = answer instanceof SignatureFailed ? "signature_failed" : status < 300 ? "accepted"
                    : status == 429 || status == 503 ? "retry_later" : status < 500 ? "refused" : "error";
            return answer;
        } finally {
            registry.counter(RECEIVED, "provider", provider, "outcome", outcome).increment();
        }
    }

    /** The answer to a delivery whose signature did not check out: a 400 with this body, counted apart. */
    public static ResponseEntity<String> signatureFailed(String body) {
        return new SignatureFailed(body);
    }

    private static final class SignatureFailed extends ResponseEntity<String> {

        SignatureFailed(String body) {
            super(body, HttpStatus.BAD_REQUEST);
        }
    }
}
