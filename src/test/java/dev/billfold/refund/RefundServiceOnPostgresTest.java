package dev.billfold.refund;

import dev.billfold.BillfoldPostgresTest;

/** Refunds of unused balance on real PostgreSQL, where the races of requests and approvals are real ones. */
@BillfoldPostgresTest
class RefundServiceOnPostgresTest extends RefundServiceContract {
}
