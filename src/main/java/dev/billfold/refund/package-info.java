/**
 * Refunds that Billfold starts (issue 16, parts 2 and 3; DD-071, DD-072): a customer's request for their unused
 * balance, allocated to their most recent refundable top-ups and sent back to each one's own method; Finance's
 * approval queue and bank payouts; and Finance's refund of one payment. Refunds made at the provider are the
 * payment module's news; a refund we started that a provider reports is recognised here.
 */
@NullMarked
package dev.billfold.refund;

import org.jspecify.annotations.NullMarked;
