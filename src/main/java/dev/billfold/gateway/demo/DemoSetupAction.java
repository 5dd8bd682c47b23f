package dev.billfold.gateway.demo;

/** The buttons on the demo provider's page for saving a card without a payment. */
enum DemoSetupAction {
    SAVE, DECLINE, LEAVE_PENDING, CANCEL
}
