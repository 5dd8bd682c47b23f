package dev.billfold.webhook;

import dev.billfold.BillfoldTest;

@BillfoldTest
class WebhookDeliveryOnH2Test extends WebhookDeliveryContract {
}
