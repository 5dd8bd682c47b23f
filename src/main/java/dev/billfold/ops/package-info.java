/**
 * The provider's back office under /ops: finding a customer and reading their account. Staff only; every method asks
 * {@link dev.billfold.staff.StaffAccess} first (DD-060).
 */
@NullMarked
package dev.billfold.ops;

import org.jspecify.annotations.NullMarked;
