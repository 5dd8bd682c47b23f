package dev.billfold.gateway.mpesa;

import dev.billfold.BillfoldTest;
import org.springframework.boot.test.context.SpringBootTest;

/** M-Pesa on the embedded default database. */
@BillfoldTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MpesaGatewayOnH2Test extends MpesaGatewayContract {
}
