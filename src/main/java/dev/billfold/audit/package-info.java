/**
 * The audit trail: an append-only record of every staff action and every sensitive customer action, written in the
 * caller's transaction (DD-061). Staff read all of it; an account's members read their own account's customer-visible
 * entries, with staff shown as "Billing team".
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"base", "security", "staff", "staff :: ui"})
package dev.billfold.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
