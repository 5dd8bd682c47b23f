/**
 * Bank statements: camt.053, camt.054 and MT940 files parsed as streams, each entry claimed once by its bank
 * reference, matched to invoices and accounts, and credited or held through the bank payments' batch API; what is not
 * matched waits in the unmatched-entries queue for Finance (DD-062, DD-063). Staff only.
 */
@NullMarked
package dev.billfold.statement;

import org.jspecify.annotations.NullMarked;
