package dev.billfold.notification;

import dev.billfold.BillfoldPostgresTest;

@BillfoldPostgresTest
class MailDeliveryOnPostgresTest extends MailDeliveryContract {
}
