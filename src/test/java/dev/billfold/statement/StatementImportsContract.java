package dev.billfold.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billfold.TestData;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.staff.StaffRole;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Statement imports and the unmatched queue through their services, the same on H2 and PostgreSQL. */
abstract class StatementImportsContract {

    private static final String REASON = "Your bank transfer without an invoice number was credited here.";

    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    StatementImports imports;
    @Autowired
    UnmatchedEntries unmatched;
    @Autowired
    MeterRegistry meters;

    StatementFixtures fixtures;
    String finance;


    @BeforeEach
    void aCustomerWithWaitingInvoices() {
        fixtures = new StatementFixtures(data, jdbc);
        finance = data.newStaffUser();
        TestData.signIn(finance, List.of(StaffRole.FINANCE));
    }

    @AfterEach
    void signOut() {
        TestData.signOut();
    }

    @Test
    void camt053_001_02_applies_rules_1_to_4_to_every_case() {
        ImportSummary summary = imports.importFile("cases.xml", fixtures.file("camt053-v02-cases.xml"));

        assertThat(summary.format()).isEqualTo("camt.053.001.02");
        assertThat(summary.status()).isEqualTo(ImportSummary.Status.DONE);
        assertThat(summary.entries()).isEqualTo(14);
        assertThat(List.of(summary.credited(), summary.held(), summary.unmatched(), summary.duplicates(),
                summary.ignored())).containsExactly(5, 4, 2, 1, 2);
        List<EntryResult> entries = imports.entries(summary.id(), 0, 100);
        assertThat(entries).extracting(EntryResult::outcome).containsExactly(
                EntryOutcome.CREDITED, EntryOutcome.HELD, EntryOutcome.HELD, EntryOutcome.CREDITED,
                EntryOutcome.HELD, EntryOutcome.CREDITED, EntryOutcome.HELD, EntryOutcome.CREDITED,
                EntryOutcome.UNMATCHED, EntryOutcome.IGNORED, EntryOutcome.UNMATCHED, EntryOutcome.DUPLICATE,
                EntryOutcome.IGNORED, EntryOutcome.CREDITED);
        assertThat(fixtures.status(1)).isEqualTo("CREDITED");
        assertThat(fixtures.status(2)).isEqualTo("WAITING_FOR_CLARIFICATION");
        assertThat(fixtures.reason(2)).contains("Received 90.00 of 100.00 USD");
        assertThat(fixtures.reason(3)).contains("Received 120.00 of 100.00 USD");
        assertThat(fixtures.status(4)).isEqualTo("CREDITED");
        assertThat(entries.get(3).detail()).contains("paid by a third party: Other Company Ltd");
        assertThat(fixtures.status(5)).isEqualTo("WAITING_FOR_CLARIFICATION");
        assertThat(fixtures.status(6)).isEqualTo("CREDITED");
        assertThat(fixtures.reason(7)).contains("Power of attorney needed");
        assertThat(entries.get(8).detail()).contains("No invoice number or account number");
        assertThat(entries.get(10).detail()).contains("is in USD; the entry is in EUR");
        assertThat(fixtures.status(8)).isEqualTo("WAITING_FOR_PAYMENT");
        assertThat(fixtures.status(9)).isEqualTo("WAITING_FOR_PAYMENT");
        // 100 (exact) + 100 (third party with the purpose) + 100 (power of attorney) + 75 and 30 (account number).
        assertThat(data.balance(fixtures.customer.accountId())).isEqualByComparingTo("405.00");
        assertThat(data.ledgerEntries(fixtures.customer.accountId())).isEqualTo(5);
        assertThat(summary.totals()).contains(new CurrencyTotal(EntryOutcome.CREDITED,
                dev.billfold.base.Money.of("405.00", "USD"), 5));
        assertThat(summary.totals()).contains(new CurrencyTotal(EntryOutcome.UNMATCHED,
                dev.billfold.base.Money.of("100.00", "EUR"), 1));
    }

    @Test
    void the_same_file_twice_reports_every_entry_as_a_duplicate_and_credits_nothing_twice() {
        imports.importFile("cases.xml", fixtures.file("camt053-v02-cases.xml"));
        BigDecimal balance = data.balance(fixtures.customer.accountId());

        ImportSummary again = imports.importFile("cases.xml", fixtures.file("camt053-v02-cases.xml"));

        assertThat(again.duplicates()).isEqualTo(14);
        assertThat(again.credited() + again.held() + again.unmatched() + again.ignored()).isZero();
        assertThat(data.balance(fixtures.customer.accountId())).isEqualByComparingTo(balance);
        assertThat(unmatched.queue(0, 200)).filteredOn(e -> e.importId().equals(again.id())).isEmpty();
    }

    @Test
    void an_overlapping_statement_credits_only_its_new_entries() {
        imports.importFile("first.xml", fixtures.file("camt053-v02-duplicate-file.xml"));
        ImportSummary second = imports.importFile("cases.xml", fixtures.file("camt053-v02-cases.xml"));

        // DUP-0001 paid invoice 1 in the first file; the second file's own entry for it is then held, not credited.
        assertThat(second.duplicates()).isEqualTo(1);
        assertThat(fixtures.status(1)).isEqualTo("CREDITED");
        assertThat(data.ledgerEntries(fixtures.customer.accountId())).isEqualTo(5);
    }

    @Test
    void camt053_001_08_credits_the_payer_an_attorney_and_a_named_third_party() {
        ImportSummary summary = imports.importFile("v08.xml", fixtures.file("camt053-v08-cases.xml"));

        assertThat(summary.format()).isEqualTo("camt.053.001.08");
        assertThat(imports.entries(summary.id(), 0, 10)).extracting(EntryResult::outcome).containsExactly(
                EntryOutcome.CREDITED, EntryOutcome.CREDITED, EntryOutcome.CREDITED, EntryOutcome.IGNORED);
        assertThat(data.balance(fixtures.customer.accountId())).isEqualByComparingTo("300.00");
    }

    @Test
    void camt054_and_mt940_are_matched_the_same_way() {
        ImportSummary notification = imports.importFile("n.xml", fixtures.file("camt054-v02-cases.xml"));
        assertThat(notification.format()).isEqualTo("camt.054.001.02");
        assertThat(List.of(notification.credited(), notification.held())).containsExactly(1, 1);

        ImportSummary mt940 = imports.importFile("s.sta", fixtures.file("mt940-cases.txt"));
        assertThat(mt940.format()).isEqualTo("MT940");
        assertThat(imports.entries(mt940.id(), 0, 10)).extracting(EntryResult::outcome).containsExactly(
                // Invoice 1 was credited by the camt.054: its MT940 entry (another reference) is held by the bank.
                EntryOutcome.HELD, EntryOutcome.CREDITED, EntryOutcome.IGNORED, EntryOutcome.UNMATCHED);
        assertThat(data.balance(fixtures.customer.accountId())).isEqualByComparingTo("175.00");
    }

    @Test
    void bad_files_are_refused_and_write_nothing() {
        int before = imports.countImports();
        for (String bad : List.of("xxe.xml", "billion-laughs.xml", "wrong-namespace.xml", "malformed.xml",
                "malformed-amount.xml", "wrong-type.csv", "malformed-mt940.txt")) {
            assertThatThrownBy(() -> imports.importFile(bad, fixtures.file(bad))).as(bad)
                    .isInstanceOf(InvalidRequestException.class);
        }
        assertThat(imports.countImports()).isEqualTo(before);
        assertThat(fixtures.status(1)).isEqualTo("WAITING_FOR_PAYMENT");
        assertThat(data.ledgerEntries(fixtures.customer.accountId())).isZero();
    }

    @Test
    void an_import_moves_the_import_and_entry_meters_by_its_results_and_a_refused_or_failed_one_is_counted() {
        List<String> outcomes = List.of("credited", "held", "unmatched", "duplicate", "ignored");
        List<Double> entriesBefore = outcomes.stream().map(this::entries).toList();
        double done = imports("done", "camt.053.001.02");
        double refused = imports("refused", "unknown");
        double failed = imports("failed", "unknown");

        imports.importFile("cases.xml", fixtures.file("camt053-v02-cases.xml"));
        assertThatThrownBy(() -> imports.importFile("malformed.xml", fixtures.file("malformed.xml")))
                .isInstanceOf(InvalidRequestException.class);
        InputStream brokenUpload = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        };
        assertThatThrownBy(() -> imports.importFile("cut.xml", brokenUpload)).isInstanceOf(UncheckedIOException.class);

        assertThat(imports("done", "camt.053.001.02") - done).isEqualTo(1.0);
        assertThat(imports("refused", "unknown") - refused).isEqualTo(1.0);
        assertThat(imports("failed", "unknown") - failed).isEqualTo(1.0);
        List<Double> moved = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            moved.add(entries(outcomes.get(i)) - entriesBefore.get(i));
        }
        assertThat(moved).containsExactly(5.0, 4.0, 2.0, 1.0, 2.0);
    }

    private double imports(String result, String format) {
        return meters.counter(StatementImports.IMPORTS, "result", result, "format", format).count();
    }

    private double entries(String outcome) {
        return meters.counter(StatementImports.ENTRIES, "outcome", outcome).count();
    }

    @Test
    void an_unmatched_entry_is_credited_to_an_account_once_and_the_second_resolution_sees_the_first() {
        ImportSummary summary = imports.importFile("cases.xml", fixtures.file("camt053-v02-cases.xml"));
        EntryResult unknown = imports.entries(summary.id(), 0, 100).get(8);
        assertThat(unmatched.queue(0, 200)).extracting(EntryResult::id).contains(unknown.id());
        long waiting = unmatched.waiting();

        assertThatThrownBy(() -> unmatched.creditToAccount(unknown.id(), fixtures.accountNumber, " ", REASON))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("note");
        assertThatThrownBy(() -> unmatched.creditToAccount(unknown.id(), fixtures.accountNumber, "Theirs", " "))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("reason for the customer");
        assertThatThrownBy(() -> unmatched.creditToAccount(unknown.id(), "100000309", "wrong digit", REASON))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("No account has the number");
        assertThat(data.balance(fixtures.customer.accountId())).isEqualByComparingTo("405.00");
        EntryResult resolved = unmatched.creditToAccount(unknown.id(), fixtures.accountNumber,
                "The customer called: order 42 is theirs.", "  " + REASON + " ");

        assertThat(resolved.resolution()).isEqualTo(EntryResolution.CREDITED_TO_ACCOUNT);
        assertThat(resolved.paymentId()).isNotNull();
        // What the customer's payment history shows as the credit's reason.
        assertThat(jdbc.sql("select status, status_reason from payment where id = ?")
                .param(resolved.paymentId().value())
                .query((rs, n) -> rs.getString(1) + ": " + rs.getString(2)).single())
                .isEqualTo("CREDITED: " + REASON);
        assertThat(data.balance(fixtures.customer.accountId())).isEqualByComparingTo("447.00");
        assertThat(unmatched.waiting()).isEqualTo(waiting - 1);
        assertThatThrownBy(() -> unmatched.reject(unknown.id(), "Not ours"))
                .isInstanceOf(EntryAlreadyResolvedException.class)
                .hasMessageContaining("Credited to an account by Staff Member");
        assertThat(data.balance(fixtures.customer.accountId())).isEqualByComparingTo("447.00");
    }

    @Test
    void an_unmatched_entry_returned_to_the_sender_or_rejected_credits_nothing() {
        ImportSummary summary = imports.importFile("cases.xml", fixtures.file("camt053-v02-cases.xml"));
        List<EntryResult> entries = imports.entries(summary.id(), 0, 100);

        assertThatThrownBy(() -> unmatched.returnToSender(entries.get(8).id(), " ", "Sent back"))
                .isInstanceOf(InvalidRequestException.class);
        EntryResult returned = unmatched.returnToSender(entries.get(8).id(), "RET-778899", "Sent back");
        EntryResult rejected = unmatched.reject(entries.get(10).id(), "Paid in the wrong currency; the bank keeps it");

        assertThat(returned.resolution()).isEqualTo(EntryResolution.RETURNED);
        assertThat(returned.returnedReference()).isEqualTo("RET-778899");
        assertThat(rejected.resolution()).isEqualTo(EntryResolution.REJECTED);
        assertThat(data.balance(fixtures.customer.accountId())).isEqualByComparingTo("405.00");
        assertThatThrownBy(() -> unmatched.reject(entries.get(0).id(), "credited"))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("not unmatched");
    }
}
