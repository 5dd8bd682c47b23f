package dev.billfold.gateway.demo;

/** The buttons on the demo provider's hosted page. */
enum DemoCheckoutAction {
    PAY, DECLINE, CANCEL, LEAVE_PENDING
}
