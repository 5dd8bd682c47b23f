package dev.billfold.fxrate;

import java.time.Instant;

/** A published rate and when a node last fetched it. */
record StoredRate(PublishedRate rate, Instant fetchedAt) {
}
