package dev.billfold.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billfold.AtOnce;
import dev.billfold.TestData;
import dev.billfold.TestData.Customer;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.Money;
import dev.billfold.staff.StaffRole;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The bank side's money rules, the same SQL on H2 and PostgreSQL (DD-064, DD-065). */
abstract class BankTransfersContract {

    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    BankTransfers bank;
    @Autowired
    HeldPayments held;

    Customer customer;
    String finance;

    @BeforeEach
    void aCustomerAndFinance() {
        customer = data.newCustomer("USD");
        finance = data.newStaffUser();
        TestData.signIn(finance, List.of(StaffRole.FINANCE));
    }

    @AfterEach
    void signOut() {
        TestData.signOut();
    }

    PaymentId invoice(String number, String amount) {
        UUID id = UUID.randomUUID();
        var now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("""
                        insert into payment (id, account_id, payer_id, amount_value, amount_currency, method_kind,
                          idempotency_key, save_method, status, created_at, updated_at, version)
                        values (?, ?, ?, ?, 'USD', 'INVOICE', ?, false, 'WAITING_FOR_PAYMENT', ?, ?, 0)""")
                .params(id, customer.accountId().value(), customer.company().value(), new BigDecimal(amount),
                        "test:" + id, now, now)
                .update();
        jdbc.sql("""
                        insert into invoice (payment_id, number, recipient_name, recipient_bank_details, payer_name,
                          payer_tax_id, payer_address, purpose, issued_at, due_at)
                        values (?, ?, 'R', 'B', 'Pat Company Ltd', 'VAT-123', 'A', 'P', ?, ?)""")
                .params(id, number, now, now.plusDays(10)).update();
        return new PaymentId(id);
    }

    static String number() {
        return "INV-B-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static BankReceipt receipt(String cause, String amount, BankReceipt.Decision decision) {
        return new BankReceipt(cause, Money.of(amount, "USD"), LocalDate.of(2026, 12, 1), "Pat Company Ltd",
                "VAT-123", "invoice", "REF-" + cause, decision);
    }

    static String cause() {
        return "ACC1:" + UUID.randomUUID();
    }

    int entries() {
        return data.ledgerEntries(customer.accountId());
    }

    PaymentStatus status(PaymentId id) {
        return PaymentStatus.valueOf(jdbc.sql("select status from payment where id = ?").param(id.value())
                .query(String.class).single());
    }

    @Test
    void finds_invoices_and_accounts_by_number() {
        String number = number();
        PaymentId id = invoice(number, "100.00");
        assertThat(bank.findInvoices(List.of(number, "INV-NONE")).get(number).paymentId()).isEqualTo(id);
        String accountNumber = jdbc.sql("select account_number from account where id = ?")
                .param(customer.accountId().value()).query(String.class).single();
        var accounts = bank.findAccounts(List.of(accountNumber, "123456789"));
        assertThat(accounts).containsOnlyKeys(accountNumber);
        assertThat(accounts.get(accountNumber).defaultPayer()).isEqualTo(customer.person());
    }

    @Test
    void with_mail_off_a_batchs_receipts_are_logged_at_once_and_leave_nothing_in_the_outbox() {
        PaymentId first = invoice(number(), "100.00");
        PaymentId second = invoice(number(), "50.00");
        long publicationsBefore = jdbc.sql("select count(*) from event_publication").query(Long.class).single();

        bank.receive(List.of(receipt(cause(), "100.00", new BankReceipt.CreditInvoice(first, null)),
                receipt(cause(), "50.00", new BankReceipt.CreditInvoice(second, null))));

        assertThat(jdbc.sql("select status from mail_log where payment_id in (?, ?) and kind = 'RECEIPT'")
                .params(first.value(), second.value()).query(String.class).list())
                .containsExactly("LOGGED", "LOGGED");
        assertThat(jdbc.sql("select count(*) from event_publication").query(Long.class).single())
                .isEqualTo(publicationsBefore);
    }

    @Test
    void an_exact_receipt_credits_once_and_the_same_cause_again_is_a_duplicate() {
        PaymentId id = invoice(number(), "100.00");
        String cause = cause();
        var first = bank.receive(List.of(receipt(cause, "100.00", new BankReceipt.CreditInvoice(id, null)),
                receipt(cause, "100.00", new BankReceipt.CreditInvoice(id, null))));
        var again = bank.receive(List.of(receipt(cause, "100.00", new BankReceipt.CreditInvoice(id, null))));

        assertThat(first).extracting(ReceiptOutcome::result)
                .containsExactly(ReceiptOutcome.Result.CREDITED, ReceiptOutcome.Result.DUPLICATE);
        assertThat(again.getFirst().result()).isEqualTo(ReceiptOutcome.Result.DUPLICATE);
        assertThat(again.getFirst().paymentId()).isEqualTo(id);
        assertThat(status(id)).isEqualTo(PaymentStatus.CREDITED);
        assertThat(entries()).isEqualTo(1);
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("100.00");
    }

    @Test
    void an_underpayment_is_held_and_a_second_receipt_for_a_credited_invoice_is_held_on_a_new_payment() {
        PaymentId under = invoice(number(), "100.00");
        PaymentId paid = invoice(number(), "50.00");
        var outcomes = bank.receive(List.of(
                receipt(cause(), "90.00", new BankReceipt.CreditInvoice(under, null)),
                receipt(cause(), "50.00", new BankReceipt.CreditInvoice(paid, null)),
                receipt(cause(), "50.00", new BankReceipt.CreditInvoice(paid, null))));

        assertThat(outcomes).extracting(ReceiptOutcome::result).containsExactly(ReceiptOutcome.Result.HELD,
                ReceiptOutcome.Result.CREDITED, ReceiptOutcome.Result.HELD);
        assertThat(outcomes.get(0).reason()).isEqualTo("Received 90.00 of 100.00 USD.");
        assertThat(outcomes.get(2).paymentId()).isNotEqualTo(paid);
        assertThat(outcomes.get(2).reason()).contains("is already credited");
        assertThat(entries()).isEqualTo(1);
    }

    @Test
    void an_account_number_credits_a_new_payment() {
        var outcome = bank.receive(List.of(receipt(cause(), "30.00",
                new BankReceipt.CreditAccount(customer.accountId(), null, "Someone Else")))).getFirst();
        assertThat(outcome.result()).isEqualTo(ReceiptOutcome.Result.CREDITED);
        assertThat(outcome.reason()).isEqualTo("Paid by a third party: Someone Else.");
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("30.00");
    }

    @Test
    void a_held_payment_is_credited_with_what_was_received_once_and_a_second_resolution_is_told() {
        PaymentId id = invoice(number(), "100.00");
        bank.receive(List.of(receipt(cause(), "90.00", new BankReceipt.CreditInvoice(id, null))));
        assertThat(held.queue(0, 200)).extracting(HeldPayment::paymentId).contains(id);

        held.resolve(id, new Resolution.CreditReceived(), "customer confirmed", "We credited the 90.00 received.");

        assertThat(status(id)).isEqualTo(PaymentStatus.CREDITED);
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("90.00");
        assertThatThrownBy(() -> held.resolve(id, new Resolution.Reject(), "n", "r"))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("Already resolved");
        assertThat(entries()).isEqualTo(1);
    }

    @Test
    void a_resolution_writes_one_audit_entry_with_who_the_move_and_the_note_and_a_refused_one_none() {
        PaymentId id = invoice(number(), "100.00");
        bank.receive(List.of(receipt(cause(), "90.00", new BankReceipt.CreditInvoice(id, null))));

        held.resolve(id, new Resolution.CreditReceived(), "customer confirmed by phone", "We credited the 90.00.");
        assertThatThrownBy(() -> held.resolve(id, new Resolution.Reject(), "late", "r"))
                .isInstanceOf(InvalidRequestException.class);

        var rows = audit(id);
        assertThat(rows).hasSize(1);
        var entry = rows.getFirst();
        assertThat(entry).containsEntry("action", "payment.held.credit-received")
                .containsEntry("actor_kind", "STAFF").containsEntry("actor_role", "Finance")
                .containsEntry("account_id", customer.accountId().value())
                .containsEntry("before_state", "Waiting for clarification: Received 90.00 of 100.00 USD.")
                .containsEntry("after_state", "Credited: We credited the 90.00.")
                .containsEntry("note", "customer confirmed by phone")
                .containsEntry("visibility", "ACCOUNT");
        assertThat((String) entry.get("text")).isEqualTo("Held payment of $100.00 credited with the $90.00 received");
    }

    @Test
    void crediting_another_account_names_it_only_in_the_staff_note_and_returned_to_sender_keeps_the_reference() {
        Customer other = data.newCustomer("USD");
        String otherNumber = jdbc.sql("select account_number from account where id = ?")
                .param(other.accountId().value()).query(String.class).single();
        PaymentId toOther = invoice(number(), "100.00");
        PaymentId returned = invoice(number(), "100.00");
        bank.receive(List.of(receipt(cause(), "100.00", new BankReceipt.HoldInvoice(toOther, "wrong purpose")),
                receipt(cause(), "100.00", new BankReceipt.HoldInvoice(returned, "power of attorney needed"))));

        held.resolve(toOther, new Resolution.CreditOtherAccount(otherNumber), "meant for the sister company",
                "Credited to the account the payer named.");
        held.resolve(returned, new Resolution.ReturnedToSender("RET-9"), "sent back", "The bank returned it.");

        var credited = audit(toOther).getFirst();
        assertThat(credited).containsEntry("action", "payment.held.credit-other-account")
                .containsEntry("account_id", customer.accountId().value());
        assertThat((String) credited.get("after_state")).startsWith("Rejected").doesNotContain(otherNumber);
        assertThat((String) credited.get("note")).contains("meant for the sister company", otherNumber);
        assertThat(data.balance(other.accountId())).isEqualByComparingTo("100.00");
        assertThat(audit(returned).getFirst()).containsEntry("action", "payment.held.returned-to-sender")
                .containsEntry("after_state", "Refunded: The bank returned it., bank reference RET-9");
    }

    java.util.List<java.util.Map<String, Object>> audit(PaymentId subject) {
        return jdbc.sql("select * from audit_entry where subject_id = ? order by seq").param(subject.value())
                .query().listOfRows();
    }

    @Test
    void returned_to_sender_is_refunded_without_an_entry_and_a_resolution_needs_a_note() {
        PaymentId id = invoice(number(), "100.00");
        bank.receive(List.of(receipt(cause(), "100.00", new BankReceipt.HoldInvoice(id, "power of attorney needed"))));
        assertThatThrownBy(() -> held.resolve(id, new Resolution.Reject(), " ", "r"))
                .isInstanceOf(InvalidRequestException.class);

        held.resolve(id, new Resolution.ReturnedToSender("RET-1"), "sent back", "The bank returned your transfer.");

        assertThat(status(id)).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(entries()).isZero();
    }

    @Test
    void a_conditional_credit_then_the_receipt_is_credited_with_one_entry_and_reversal_waits_its_days() {
        PaymentId id = invoice(number(), "100.00");
        bank.conditionallyCredit(id, "payment order stamped");
        assertThat(status(id)).isEqualTo(PaymentStatus.CONDITIONALLY_CREDITED);
        assertThatThrownBy(() -> bank.reverseConditionalCredit(id, "never came"))
                .isInstanceOf(InvalidRequestException.class);

        var outcome = bank.receive(List.of(receipt(cause(), "100.00", new BankReceipt.CreditInvoice(id, null))))
                .getFirst();

        assertThat(outcome.result()).isEqualTo(ReceiptOutcome.Result.CREDITED);
        assertThat(outcome.balanceMoved()).isFalse();
        assertThat(status(id)).isEqualTo(PaymentStatus.CREDITED);
        assertThat(entries()).isEqualTo(1);
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("100.00");
    }

    @Test
    void support_cannot_move_money() {
        PaymentId id = invoice(number(), "100.00");
        TestData.signIn(finance, List.of(StaffRole.SUPPORT));
        assertThatThrownBy(() -> bank.conditionallyCredit(id, "n"))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    @Test
    void a_receipt_racing_a_conditional_credit_ends_with_one_entry() throws Exception {
        PaymentId id = invoice(number(), "100.00");
        String cause = cause();
        AtOnce.run(2, index -> {
            TestData.signIn(finance, List.of(StaffRole.FINANCE));
            try {
                return index == 0 ? bank.receive(List.of(receipt(cause, "100.00",
                        new BankReceipt.CreditInvoice(id, null)))) : bank.conditionallyCredit(id, "order");
            } catch (InvalidRequestException refused) {
                return refused.getMessage();
            } finally {
                TestData.signOut();
            }
        });
        assertThat(status(id)).isEqualTo(PaymentStatus.CREDITED);
        assertThat(entries()).isEqualTo(1);
    }

    @Test
    void two_resolutions_at_once_end_with_one() throws Exception {
        PaymentId id = invoice(number(), "100.00");
        bank.receive(List.of(receipt(cause(), "90.00", new BankReceipt.CreditInvoice(id, null))));
        var results = AtOnce.run(2, index -> {
            TestData.signIn(finance, List.of(StaffRole.FINANCE));
            try {
                held.resolve(id, new Resolution.CreditReceived(), "n" + index, "credited");
                return "ok";
            } catch (InvalidRequestException refused) {
                return refused.getMessage();
            } finally {
                TestData.signOut();
            }
        });
        assertThat(results).containsOnlyOnce("ok");
        assertThat(entries()).isEqualTo(1);
    }

    @Test
    void receives_ten_thousand_receipts_in_batches() {
        List<BankReceipt> all = new java.util.ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            all.add(receipt(cause(), "1.00", new BankReceipt.CreditAccount(customer.accountId(), null, null)));
        }
        long started = System.nanoTime();
        for (int from = 0; from < all.size(); from += 1000) {
            bank.receive(all.subList(from, from + 1000));
        }
        System.out.printf("BankTransfers.receive: 10,000 receipts in batches of 1,000: %d ms%n",
                (System.nanoTime() - started) / 1_000_000);
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("10000.00");
    }
}
