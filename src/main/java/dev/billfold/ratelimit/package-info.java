/**
 * Rate limits that hold across nodes (DD-056): named limits (billfold.rate-limits.*), each counted per key (a user,
 * an account, a user name, a client address) in the shared database. Depends on base and libraries only, so every
 * feature, and the providers' webhook endpoints, may use it.
 */
@NullMarked
package dev.billfold.ratelimit;

import org.jspecify.annotations.NullMarked;
