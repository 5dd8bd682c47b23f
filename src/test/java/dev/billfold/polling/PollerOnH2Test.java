package dev.billfold.polling;

/** The background checks on the embedded default's H2. */
class PollerOnH2Test extends PollerContract {
}
