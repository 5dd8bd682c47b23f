package dev.billfold.document;

import dev.billfold.BillfoldPostgresTest;

/** Document uploads and decisions on real PostgreSQL. */
@BillfoldPostgresTest
class DocumentUploadsOnPostgresTest extends DocumentUploadsContract {
}
