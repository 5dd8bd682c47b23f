/**
 * Signed webhooks out (DD-075, DD-076): endpoints a staff Admin registers, events another system cares about (a
 * payment credited, a service suspended), recorded with one delivery per listening endpoint in the transaction of the
 * change, and delivered at least once after the commit, signed as Standard Webhooks prescribes, through the same
 * publication registry as the mails and a claimed retry schedule of about three days.
 */
@NullMarked
package dev.billfold.webhook;

import org.jspecify.annotations.NullMarked;
