package dev.billfold.webhook;

import dev.billfold.base.Secrets;

/** A signing secret just made (a new endpoint, a rotation): shown to the Admin once, never again. */
public record NewSecret(WebhookEndpointId endpointId, String secret) {

    @Override
    public String toString() {
        return "NewSecret[endpointId=" + endpointId.value() + ", secret=" + Secrets.redact(secret) + "]";
    }
}
