package dev.billfold.bench;

import dev.billfold.Application;
import dev.billfold.PostgresTestConfig;
import dev.billfold.TestData;
import dev.billfold.TestData.Customer;
import dev.billfold.staff.StaffRole;
import dev.billfold.statement.ImportSummary;
import dev.billfold.statement.StatementImports;
import java.io.BufferedWriter;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A generated camt.053.001.02 of 100,000 entries (90% exact matches of generated invoices, 5% underpaid, 5% with no
 * reference at all) imported and matched through {@link StatementImports#importFile} on PostgreSQL. Prints the
 * seconds, entries per second and the heap: the old generation's peak growth over the import and the heap used after
 * a GC before and after. Aim (issue 15): at most 60 s and 256 MB on 2 cores. Never fails on time.
 * Run: {@code ./mvnw -Pbench test -Dtest=StatementImportBenchmark} (bench profile).
 */
class StatementImportBenchmark {

    static final int ENTRIES = Integer.getInteger("bench.entries", 100_000);
    static final int ACCOUNTS = 200;

    @Test
    void a_statement_of_100000_entries_is_imported_and_matched() throws Exception {
        try (ConfigurableApplicationContext node = new SpringApplicationBuilder(Application.class,
                PostgresTestConfig.class).run(
                "--server.port=0",
                "--billfold.poller.enabled=false",
                "--billfold.renewals.cron=-",
                "--billfold.statements.max-size=512MB",
                "--billfold.statements.batch-size=1000",
                "--spring.main.banner-mode=off",
                "--logging.level.dev.billfold=WARN")) {
            JdbcClient jdbc = node.getBean(JdbcClient.class);
            JdbcTemplate template = node.getBean(JdbcTemplate.class);
            TestData data = new TestData(jdbc);
            String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
            List<Customer> customers = new ArrayList<>();
            for (int i = 0; i < ACCOUNTS; i++) {
                customers.add(data.newCustomer("USD"));
            }
            long setup = System.nanoTime();
            insertInvoices(template, customers, run);
            Path file = Files.createTempFile("bench-camt053-", ".xml");
            try {
                write(file, run);
                System.out.printf("setup: %d invoices and a %.1f MB file in %.1f s%n", ENTRIES, Files.size(file) / 1e6,
                        (System.nanoTime() - setup) / 1e9);
                TestData.signIn(data.newStaffUser(), List.of(StaffRole.FINANCE));
                StatementImports imports = node.getBean(StatementImports.class);
                long before = usedAfterGc();
                resetPeaks();
                long start = System.nanoTime();
                ImportSummary summary;
                try (InputStream in = Files.newInputStream(file)) {
                    summary = imports.importFile("bench.xml", in);
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                long peak = oldGenerationPeak();
                long after = usedAfterGc();
                System.out.printf("StatementImportBenchmark: %d entries in %.1f s = %.0f entries/s; %d credited, %d held,"
                                + " %d unmatched, %d duplicates; heap after GC %d MB -> %d MB, old generation peak %d MB,"
                                + " -Xmx %d MB, %d cores%n",
                        summary.entries(), seconds, summary.entries() / seconds, summary.credited(), summary.held(),
                        summary.unmatched(), summary.duplicates(), before >> 20, after >> 20, peak >> 20,
                        Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
            } finally {
                TestData.signOut();
                Files.deleteIfExists(file);
            }
        }
    }

    private static void insertInvoices(JdbcTemplate template, List<Customer> customers, String run) {
        Timestamp now = Timestamp.from(Instant.now());
        List<Integer> numbers = new ArrayList<>(ENTRIES);
        for (int i = 0; i < ENTRIES; i++) {
            numbers.add(i);
        }
        List<UUID> ids = new ArrayList<>(ENTRIES);
        for (int i = 0; i < ENTRIES; i++) {
            ids.add(UUID.randomUUID());
        }
        template.batchUpdate("""
                        insert into payment (id, account_id, payer_id, amount_value, amount_currency, method_kind,
                          idempotency_key, save_method, status, created_at, updated_at, version)
                        values (?, ?, ?, 100.00, 'USD', 'INVOICE', ?, false, 'WAITING_FOR_PAYMENT', ?, ?, 0)""",
                numbers, 1000, (ps, i) -> {
                    Customer c = customers.get(i % customers.size());
                    ps.setObject(1, ids.get(i));
                    ps.setObject(2, c.accountId().value());
                    ps.setObject(3, c.company().value());
                    ps.setString(4, "bench:" + ids.get(i));
                    ps.setTimestamp(5, now);
                    ps.setTimestamp(6, now);
                });
        template.batchUpdate("""
                        insert into invoice (payment_id, number, recipient_name, recipient_bank_details, payer_name,
                          payer_tax_id, payer_address, purpose, issued_at, due_at)
                        values (?, ?, 'Billfold', 'Bank', 'Pat Company Ltd', 'VAT-123', 'A', 'P', ?, ?)""",
                numbers, 1000, (ps, i) -> {
                    ps.setObject(1, ids.get(i));
                    ps.setString(2, number(run, i));
                    ps.setTimestamp(3, now);
                    ps.setTimestamp(4, now);
                });
    }

    private static String number(String run, int i) {
        return "INV-B%s-%07d".formatted(run, i);
    }

    private static void write(Path file, String run) throws Exception {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("""
                    <?xml version="1.0" encoding="UTF-8"?>
                    <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>
                    <GrpHdr><MsgId>BENCH</MsgId><CreDtTm>2026-12-01T18:00:00</CreDtTm></GrpHdr>
                    <Stmt><Id>BENCH-1</Id><CreDtTm>2026-12-01T18:00:00</CreDtTm>
                    <Acct><Id><IBAN>BENCH%s</IBAN></Id></Acct>
                    """.formatted(run));
            for (int i = 0; i < ENTRIES; i++) {
                String amount = i % 20 == 7 ? "90.00" : "100.00";
                String purpose = i % 20 == 13 ? "Thank you" : "Invoice " + number(run, i);
                out.write("""
                        <Ntry><Amt Ccy="USD">%s</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>\
                        <BookgDt><Dt>2026-12-01</Dt></BookgDt><AcctSvcrRef>B%s-%d</AcctSvcrRef>\
                        <NtryDtls><TxDtls><RltdPties><Dbtr><Nm>Pat Company Ltd</Nm>\
                        <Id><OrgId><Othr><Id>VAT-123</Id></Othr></OrgId></Id></Dbtr></RltdPties>\
                        <RmtInf><Ustrd>%s</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>
                        """.formatted(amount, run, i, purpose));
            }
            out.write("</Stmt></BkToCstmrStmt></Document>\n");
        }
    }

    private static long usedAfterGc() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long oldGenerationPeak() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP && pool.getName().contains("Old"))
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }
}
