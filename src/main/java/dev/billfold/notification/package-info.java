/**
 * Mail to customers that goes out exactly once (DD-066): the invoice when it is issued and again on request, the
 * receipt when a payment is credited. Each mail is recorded in its cause's transaction (a {@code mail_log} row and a
 * Spring Modulith event publication), sent after the commit by whichever node claims it, and retried from the
 * publication registry until it is sent. Staff read the log per account.
 */
@NullMarked
package dev.billfold.notification;

import org.jspecify.annotations.NullMarked;
