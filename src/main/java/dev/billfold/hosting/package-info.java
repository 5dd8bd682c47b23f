/**
 * Hosted services paid from the balance (servers, VPS, licences, IP addresses), their renewals, renewal orders that
 * wait for a top-up, the daily auto-renewal job, and the transaction timeline of everything that moved the balance.
 */
@NullMarked
package dev.billfold.hosting;

import org.jspecify.annotations.NullMarked;
