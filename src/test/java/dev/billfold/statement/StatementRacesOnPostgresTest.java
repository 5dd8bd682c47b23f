package dev.billfold.statement;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billfold.AtOnce;
import dev.billfold.BillfoldPostgresTest;
import dev.billfold.TestData;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.payment.BankTransfers;
import dev.billfold.payment.HeldPayments;
import dev.billfold.payment.PaymentId;
import dev.billfold.payment.Resolution;
import dev.billfold.staff.StaffRole;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Imports racing what else moves a bank transfer's money, on PostgreSQL, whose row locks decide the order: each race
 * starts two threads at one latch, a few times over, and whichever wins the payment has exactly one TOP_UP entry and
 * a status that fits it.
 */
@BillfoldPostgresTest
class StatementRacesOnPostgresTest {

    private static final int ROUNDS = 5;

    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    StatementImports imports;
    @Autowired
    HeldPayments held;
    @Autowired
    BankTransfers bank;

    StatementFixtures fixtures;
    String finance;
    String statementAccount;

    @BeforeEach
    void aCustomerWithWaitingInvoices() {
        fixtures = new StatementFixtures(data, jdbc);
        finance = data.newStaffUser();
        statementAccount = "RACE" + fixtures.run;
        TestData.signIn(finance, List.of(StaffRole.FINANCE));
    }

    @AfterEach
    void signOut() {
        TestData.signOut();
    }

    @Test
    void an_import_paying_a_held_invoice_against_its_resolution_credits_it_once() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            int n = 100 + round;
            PaymentId id = new PaymentId(fixtures.invoice(n, "100.00"));
            imports.importFile("short.xml", file(entry("SHORT-" + n, "90.00", n)));
            assertThat(fixtures.status(n)).isEqualTo("WAITING_FOR_CLARIFICATION");
            BigDecimal before = data.balance(fixtures.customer.accountId());

            List<Object> results = asFinance((index) -> index == 0
                    ? imports.importFile("rest.xml", file(entry("FULL-" + n, "100.00", n)))
                    : held.resolve(id, new Resolution.CreditReceived(), "Customer confirmed the short payment",
                    "We credited the 90.00 that arrived."));

            // The resolution always finds it held: the import only ever holds money for an invoice no longer waiting.
            assertThat(results.get(1)).isNotInstanceOf(String.class);
            ImportSummary second = (ImportSummary) results.get(0);
            assertThat(List.of(second.credited(), second.held())).as("round " + round).containsExactly(0, 1);
            assertThat(fixtures.status(n)).isEqualTo("CREDITED");
            assertThat(topUps(id)).as("round " + round).isEqualTo(1);
            // 90.00 credited by the resolution; the second 100.00 waits for staff on a payment of its own.
            assertThat(data.balance(fixtures.customer.accountId())).isEqualByComparingTo(before.add(
                    new BigDecimal("90.00")));
        }
    }

    @Test
    void two_overlapping_statements_imported_at_once_credit_each_invoice_once() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            int a = 200 + 4 * round;
            PaymentId[] ids = new PaymentId[4];
            for (int i = 0; i < 4; i++) {
                ids[i] = new PaymentId(fixtures.invoice(a + i, "100.00"));
            }
            BigDecimal before = data.balance(fixtures.customer.accountId());
            // The shared entries come in opposite orders, so unordered row locks could deadlock the two imports.
            byte[] first = statement(entry("E-" + a, "100.00", a), entry("E-" + (a + 1), "100.00", a + 1),
                    entry("E-" + (a + 2), "100.00", a + 2));
            byte[] second = statement(entry("E-" + (a + 2), "100.00", a + 2),
                    entry("E-" + (a + 1), "100.00", a + 1), entry("E-" + (a + 3), "100.00", a + 3));

            List<Object> results = asFinance(index ->
                    imports.importFile("s" + index + ".xml", new ByteArrayInputStream(index == 0 ? first : second)));

            ImportSummary one = (ImportSummary) results.get(0);
            ImportSummary two = (ImportSummary) results.get(1);
            assertThat(one.credited() + two.credited()).as("round " + round).isEqualTo(4);
            assertThat(one.duplicates() + two.duplicates()).as("round " + round).isEqualTo(2);
            assertThat(one.held() + two.held() + one.unmatched() + two.unmatched()).isZero();
            for (int i = 0; i < 4; i++) {
                assertThat(fixtures.status(a + i)).isEqualTo("CREDITED");
                assertThat(topUps(ids[i])).as("round %d, invoice %d", round, i).isEqualTo(1);
            }
            assertThat(data.balance(fixtures.customer.accountId())).isEqualByComparingTo(before.add(
                    new BigDecimal("400.00")));
        }
    }

    @Test
    void an_import_against_a_conditional_credit_of_the_same_invoice_credits_it_once() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            int n = 300 + round;
            PaymentId id = new PaymentId(fixtures.invoice(n, "100.00"));
            BigDecimal before = data.balance(fixtures.customer.accountId());

            List<Object> results = asFinance(index -> index == 0
                    ? imports.importFile("s.xml", file(entry("PAID-" + n, "100.00", n)))
                    : bank.conditionallyCredit(id, "Stamped payment order received"));

            // Either the statement came first (the conditional credit is refused: already credited), or the
            // conditional credit did and the statement confirmed it without a second entry.
            assertThat(((ImportSummary) results.get(0)).credited()).as("round " + round).isEqualTo(1);
            if (results.get(1) instanceof String refused) {
                assertThat(refused).contains("already credited");
            }
            assertThat(fixtures.status(n)).isEqualTo("CREDITED");
            assertThat(topUps(id)).as("round " + round).isEqualTo(1);
            assertThat(data.balance(fixtures.customer.accountId())).isEqualByComparingTo(before.add(
                    new BigDecimal("100.00")));
        }
    }

    /** Both tasks at once, each signed in as Finance; a refusal comes back as its message. */
    private List<Object> asFinance(AtOnce.Task<Object> task) throws Exception {
        return AtOnce.run(2, index -> {
            TestData.signIn(finance, List.of(StaffRole.FINANCE));
            try {
                return task.run(index);
            } catch (InvalidRequestException refused) {
                return refused.getMessage();
            } finally {
                TestData.signOut();
            }
        });
    }

    private String[] entry(String reference, String amount, int invoice) {
        return new String[] {reference + "-" + fixtures.run, amount, "Payment for Fixture Trading, invoice "
                + fixtures.invoiceNumber(invoice)};
    }

    private ByteArrayInputStream file(String[]... entries) {
        return new ByteArrayInputStream(statement(entries));
    }

    private byte[] statement(String[]... entries) {
        Camt053 file = Camt053.of(statementAccount);
        for (String[] entry : entries) {
            file.credit(entry[0], entry[1], "Fixture Trading LLC", "FX123456", entry[2]);
        }
        return file.bytes();
    }

    private int topUps(PaymentId id) {
        return jdbc.sql("select count(*) from ledger_entry where kind = 'TOP_UP' and reference = ?")
                .param("payment:" + id.value()).query(Integer.class).single();
    }
}
