/**
 * The back office's search and account page, under /ops. Other features add to the account page through
 * {@link dev.billfold.ops.ui.OpsAccountSection} beans.
 */
@NullMarked
@NamedInterface("ui")
package dev.billfold.ops.ui;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
