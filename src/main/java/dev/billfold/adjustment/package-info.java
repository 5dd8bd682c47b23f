/**
 * Balance adjustments: Finance credits or debits an account with a reason category and a note; one above the
 * configured approval limit waits for a second Finance member ("four eyes") before it posts as one ledger entry of
 * kind ADJUSTMENT (DD-067). Staff only; every method asks {@link dev.billfold.staff.StaffAccess} first.
 */
@NullMarked
package dev.billfold.adjustment;

import org.jspecify.annotations.NullMarked;
