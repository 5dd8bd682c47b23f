package dev.billfold.api;

import dev.billfold.BillfoldPostgresTest;
import org.springframework.boot.test.context.SpringBootTest;

@BillfoldPostgresTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiInvitationsOnPostgresTest extends ApiInvitationsContract {
}
