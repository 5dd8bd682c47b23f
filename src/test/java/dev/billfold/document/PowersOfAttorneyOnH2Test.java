package dev.billfold.document;

import dev.billfold.BillfoldTest;

/** Powers of attorney as statement matching asks, on H2. */
@BillfoldTest
class PowersOfAttorneyOnH2Test extends PowersOfAttorneyContract {
}
