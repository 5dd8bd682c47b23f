/** The customer's "Send the invoice by e-mail" and the back office's mail log of an account. */
@NullMarked
package dev.billfold.notification.ui;

import org.jspecify.annotations.NullMarked;
