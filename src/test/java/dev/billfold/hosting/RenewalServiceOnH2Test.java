package dev.billfold.hosting;

/** The renewal contract on the embedded default database. */
class RenewalServiceOnH2Test extends RenewalServiceContract {
}
