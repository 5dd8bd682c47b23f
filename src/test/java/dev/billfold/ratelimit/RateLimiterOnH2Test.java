package dev.billfold.ratelimit;

import dev.billfold.BillfoldTest;

/** The limiter's rows on the embedded default database. */
@BillfoldTest
class RateLimiterOnH2Test extends RateLimiterContract {
}
