package dev.billfold.document;

import dev.billfold.BillfoldTest;

/** Document uploads and decisions on H2. */
@BillfoldTest
class DocumentUploadsOnH2Test extends DocumentUploadsContract {
}
