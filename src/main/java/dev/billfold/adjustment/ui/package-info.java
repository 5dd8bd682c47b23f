/**
 * The back office's adjustment pages: the form a Finance member opens from an account's page, and the approval queue.
 * A named interface, so that the account page can link to the form.
 */
@NullMarked
@NamedInterface("ui")
package dev.billfold.adjustment.ui;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
