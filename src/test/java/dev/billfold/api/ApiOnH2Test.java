package dev.billfold.api;

import dev.billfold.BillfoldTest;
import org.springframework.boot.test.context.SpringBootTest;

@BillfoldTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiOnH2Test extends ApiContract {
}
