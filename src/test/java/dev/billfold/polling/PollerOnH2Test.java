package dev.billfold.polling;

import dev.billfold.BillfoldTest;
import org.springframework.boot.test.context.SpringBootTest;

/** The background checks on the embedded default's H2. */
@BillfoldTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PollerOnH2Test extends PollerContract {
}
