package dev.billfold.statement;

import dev.billfold.BillfoldTest;

/** Statement imports on H2, the embedded default. */
@BillfoldTest
class StatementImportsOnH2Test extends StatementImportsContract {
}
