package dev.billfold.notification;

import dev.billfold.BillfoldTest;

@BillfoldTest
class MailDeliveryOnH2Test extends MailDeliveryContract {
}
