package dev.billfold.statement;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billfold.BillfoldTest;
import dev.billfold.TestData;
import dev.billfold.staff.StaffRole;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** docs/samples/camt053-demo.xml pays the embedded demo's invoice INV-DEMO-000001, as docs/operations.md says. */
@BillfoldTest
class DemoStatementTest {

    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    StatementImports imports;

    @AfterEach
    void signOut() {
        TestData.signOut();
    }

    @Test
    void the_sample_statement_credits_the_demo_invoice_once() throws Exception {
        TestData.signIn(data.newStaffUser(), List.of(StaffRole.FINANCE));
        ImportSummary first;
        try (InputStream in = Files.newInputStream(Path.of("docs/samples/camt053-demo.xml"))) {
            first = imports.importFile("camt053-demo.xml", in);
        }
        assertThat(first.credited()).isEqualTo(1);
        assertThat(jdbc.sql("select status from payment where id = 'e0000000-0000-0000-0000-000000000003'")
                .query(String.class).single()).isEqualTo("CREDITED");
        try (InputStream in = Files.newInputStream(Path.of("docs/samples/camt053-demo.xml"))) {
            assertThat(imports.importFile("camt053-demo.xml", in).duplicates()).isEqualTo(1);
        }
    }
}
