package dev.billfold.webhook;

import java.util.UUID;

/**
 * An event was recorded with its deliveries and waits to be sent. Published in the change's transaction, so that the
 * publication registry keeps it with the change (as the mails' {@code MailQueued}, DD-066).
 */
record WebhookQueued(UUID eventId) {
}
