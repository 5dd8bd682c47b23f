package dev.billfold.notification;

import java.util.UUID;

/**
 * The receipts of one statement batch were recorded and wait to be sent: one publication for all of them, naming the
 * mail log's batch rather than each mail, so that the stored event stays a few bytes however large the batch.
 */
record MailBatchQueued(UUID batchId) {
}
