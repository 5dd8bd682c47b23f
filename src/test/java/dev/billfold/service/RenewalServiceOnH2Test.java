package dev.billfold.service;

/** The renewal contract on the embedded default database. */
class RenewalServiceOnH2Test extends RenewalServiceContract {
}
