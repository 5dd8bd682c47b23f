package dev.billfold.gateway.mpesa;

import dev.billfold.BillfoldPostgresTest;
import org.springframework.boot.test.context.SpringBootTest;

/** M-Pesa on real PostgreSQL, where concurrent callbacks and the poller really race for the row locks. */
@BillfoldPostgresTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MpesaGatewayOnPostgresTest extends MpesaGatewayContract {
}
