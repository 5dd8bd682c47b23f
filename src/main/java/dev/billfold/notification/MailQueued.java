package dev.billfold.notification;

import java.util.UUID;

/**
 * A mail was recorded and waits to be sent. Published in the cause's transaction; the publication registry stores it
 * there (Jackson, as its only field), so it survives a crash until a node has sent the mail.
 */
record MailQueued(UUID mailId) {
}
