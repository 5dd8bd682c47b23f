/**
 * The back office's audit trail page, and the trail's grid that the account page shows too.
 */
@NullMarked
@NamedInterface("ui")
package dev.billfold.audit.ui;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
