package dev.billfold.ui;

import java.util.Optional;

/**
 * A notice that every portal page shows under its header while it applies, contributed by a feature as a Spring bean
 * (the balance below zero after a refund, DD-069), so that the frame depends on no feature. Asked again after every
 * navigation, for the signed-in customer; it returns words, never components, since beans outlive pages.
 */
public interface PageNotice {

    /** The element id of the notice, for tests and styles: stable, e.g. "negative-balance-notice". */
    String id();

    /** What to say now, or empty when there is nothing to say. */
    Optional<String> text();
}
