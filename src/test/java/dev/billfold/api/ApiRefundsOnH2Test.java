package dev.billfold.api;

import dev.billfold.BillfoldTest;
import org.springframework.boot.test.context.SpringBootTest;

@BillfoldTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiRefundsOnH2Test extends ApiRefundsContract {
}
