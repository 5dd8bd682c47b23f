package dev.billfold.webhook;

import dev.billfold.BillfoldPostgresTest;

@BillfoldPostgresTest
class WebhookDeliveryOnPostgresTest extends WebhookDeliveryContract {
}
