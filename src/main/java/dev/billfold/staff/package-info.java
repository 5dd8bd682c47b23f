/**
 * Staff: the provider's people, with staff roles (Support, Finance, Admin) that are never account memberships. Roles
 * come from the OIDC provider's claim or a configured list of issuer and subject pairs (and the demo user), and every
 * staff service method asks {@link dev.billfold.staff.StaffAccess} (DD-060).
 */
@NullMarked
package dev.billfold.staff;

import org.jspecify.annotations.NullMarked;
