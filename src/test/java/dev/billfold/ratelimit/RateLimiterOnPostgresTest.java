package dev.billfold.ratelimit;

import dev.billfold.BillfoldPostgresTest;

/** The limiter's rows on PostgreSQL, where production runs. */
@BillfoldPostgresTest
class RateLimiterOnPostgresTest extends RateLimiterContract {
}
