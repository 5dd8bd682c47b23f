/** The back office's webhook pages: endpoints, their secrets and delivery log, and the low-balance threshold. */
@NullMarked
package dev.billfold.webhook.ui;

import org.jspecify.annotations.NullMarked;
