package dev.billfold.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.billfold.AtOnce;
import dev.billfold.MutableClock;
import dev.billfold.SignedIn;
import dev.billfold.TestData.Customer;
import dev.billfold.TestData;
import dev.billfold.base.Money;
import dev.billfold.language.Language;
import dev.billfold.language.LanguageService;
import dev.billfold.payment.BankReceipt;
import dev.billfold.payment.BankTransfers;
import dev.billfold.payment.MethodChoice;
import dev.billfold.payment.PaymentDocuments;
import dev.billfold.payment.PaymentId;
import dev.billfold.payment.PaymentStatus;
import dev.billfold.payment.ReceiptOutcome;
import dev.billfold.payment.TopUpOutcome;
import dev.billfold.payment.TopUpRequest;
import dev.billfold.payment.TopUpService;
import dev.billfold.gateway.ProviderRefund;
import dev.billfold.gateway.RefundNotifications;
import dev.billfold.refund.RefundAsk;
import dev.billfold.refund.RefundDesk;
import dev.billfold.refund.RefundService;
import dev.billfold.refund.RefundSummary;
import dev.billfold.paymentmethod.PaymentMethodId;
import dev.billfold.staff.StaffRole;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mail to customers through the real outbox (the mail log, Modulith's publication registry, our retry job) and a real
 * SMTP server (GreenMail), on H2 and PostgreSQL (DD-066). Every test mails its own address, so that a mail another
 * test still has in flight never counts here; "exactly once" is checked after the mail's publication completed, when
 * nothing is left that could send it again.
 */
abstract class MailDeliveryContract {

    private static final int SMTP_PORT = freePort();
    private static final long WAIT_MILLIS = 30_000;

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(
            new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("billfold.mail.enabled", () -> "true");
        registry.add("billfold.mail.from", () -> "billing@provider.test");
        registry.add("billfold.mail.public-url", () -> "http://portal.test");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @Autowired
    TopUpService topUps;
    @Autowired
    PaymentDocuments documents;
    @Autowired
    MailOutbox outbox;
    @Autowired
    MailDelivery delivery;
    @Autowired
    OutboxRetryJob retry;
    @Autowired
    OutboxProperties properties;
    @Autowired
    MailLogStore store;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    MutableClock clock;
    @Autowired
    BankTransfers bank;
    @Autowired
    RefundService refunds;
    @Autowired
    RefundDesk desk;
    @Autowired
    RefundNotifications news;
    @Autowired
    LanguageService languages;

    @SignedIn
    Customer customer;

    String invoiceAddress;

    @BeforeEach
    void aPayerWithItsOwnInvoiceAddress() {
        invoiceAddress = "billing-" + UUID.randomUUID() + "@customer.test";
        // Provisioning, as TestData's rows: the payer's invoice address is what the mails go to.
        jdbc.sql("update payer set invoice_email = ? where account_id = ?")
                .params(invoiceAddress, customer.accountId().value()).update();
    }

    @Test
    void an_issued_invoice_is_mailed_to_the_payers_invoice_address_once_with_its_pdf_attached() throws Exception {
        PaymentId invoice = invoice("120.00");

        MailLogEntry mail = awaitFinal(onlyMail(MailKind.INVOICE));

        assertThat(mail.status()).isEqualTo(MailStatus.SENT);
        assertThat(mail.recipient()).isEqualTo(invoiceAddress);
        assertThat(mail.attempts()).isEqualTo(1);
        MimeMessage received = onlyMessageTo(invoiceAddress);
        String number = invoiceNumber(invoice);
        assertThat(received.getSubject()).isEqualTo("Invoice " + number + " from Billfold Demo Hosting Inc.");
        assertThat(received.getMessageID()).isEqualTo("<mail-" + mail.id().value() + "@provider.test>");
        Part pdf = attachment(received);
        assertThat(pdf.getFileName()).isEqualTo("invoice-" + number + ".pdf");
        assertThat(pdf.getContentType()).startsWith("application/pdf");
        byte[] bytes = pdf.getInputStream().readAllBytes();
        assertThat(new String(bytes, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        // The same document the customer downloads: OpenPDF stamps each rendering with its own time and file id, so
        // the bytes of two renderings differ there and only there; every word on the pages is the same.
        assertThat(text(bytes)).contains("Invoice " + number, "$120.00").isEqualTo(text(documents.invoice(invoice).pdf()));
        assertThat(body(received)).contains("http://portal.test/history?payment=" + invoice.value());
    }

    @Test
    void a_credited_top_up_mails_its_receipt_once() throws Exception {
        PaymentMethodId card = data.savedCard(customer, customer.person(), "4242", true);
        var credited = (TopUpOutcome.Completed) topUps.topUp(new TopUpRequest(customer.person(), "75.00",
                new MethodChoice.Saved(card), false, UUID.randomUUID().toString()));
        assertThat(credited.status()).isEqualTo(PaymentStatus.CREDITED);

        MailLogEntry mail = awaitFinal(onlyMail(MailKind.RECEIPT));

        assertThat(mail.status()).isEqualTo(MailStatus.SENT);
        MimeMessage received = onlyMessageTo(invoiceAddress);
        String number = PaymentDocuments.receiptNumber(credited.paymentId());
        assertThat(received.getSubject()).isEqualTo("Receipt " + number + " from Billfold Demo Hosting Inc.");
        Part pdf = attachment(received);
        assertThat(pdf.getFileName()).isEqualTo("receipt-" + number + ".pdf");
        assertThat(text(pdf.getInputStream().readAllBytes())).contains("Receipt " + number, "$75.00")
                .isEqualTo(text(documents.receipt(credited.paymentId()).pdf()));
    }

    @Test
    void mails_are_written_in_the_language_of_the_customer_who_caused_them_and_a_staff_credit_keeps_it()
            throws Exception {
        languages.choose(Language.RU);
        PaymentId invoice = invoice("40.00");
        awaitFinal(onlyMail(MailKind.INVOICE));
        String number = invoiceNumber(invoice);

        receivedFromTheBank(List.of(invoice));
        awaitFinal(onlyMail(MailKind.RECEIPT));

        List<MimeMessage> received = messagesTo(invoiceAddress);
        assertThat(received).extracting(MailDeliveryContract::subject).containsExactlyInAnyOrder(
                "Счёт " + number + " от Billfold Demo Hosting Inc.",
                "Квитанция " + PaymentDocuments.receiptNumber(invoice) + " от Billfold Demo Hosting Inc.");
        for (MimeMessage message : received) {
            assertThat(plainText(message)).startsWith("Здравствуйте!")
                    .contains("http://portal.test/history?payment=" + invoice.value());
        }
        assertThat(mails()).extracting(MailLogEntry::kind).containsExactlyInAnyOrder(MailKind.INVOICE,
                MailKind.RECEIPT);
    }

    @Test
    void a_refund_that_went_back_mails_its_refund_receipt_once_despite_duplicated_provider_news() throws Exception {
        PaymentMethodId card = data.savedCard(customer, customer.person(), "4242", true);
        var credited = (TopUpOutcome.Completed) topUps.topUp(new TopUpRequest(customer.person(), "75.00",
                new MethodChoice.Saved(card), false, UUID.randomUUID().toString()));
        RefundSummary asked = refunds.request(RefundAsk.of("40.00", UUID.randomUUID().toString()));
        assertThat(mails()).as("nothing went back yet").noneMatch(m -> m.kind() == MailKind.REFUND_RECEIPT);
        TestData.signIn(data.newStaffUser(), List.of(StaffRole.FINANCE));
        desk.approve(asked.id(), "");
        TestData.signIn(customer.username());
        RefundSummary.Part part = refunds.ofPayment(credited.paymentId()).getFirst();
        assertThat(part.status().name()).isEqualTo("SUCCEEDED");
        var keys = jdbc.sql("select provider_refund_id, idempotency_key from refund_part where id = ?")
                .param(part.id().value()).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).single();
        String providerReference = jdbc.sql("select provider_reference from payment where id = ?")
                .param(credited.paymentId().value()).query(String.class).single();
        ProviderRefund succeeded = new ProviderRefund(null, providerReference, keys[0], Money.of("40.00", "USD"),
                ProviderRefund.State.SUCCEEDED, null, keys[1]);
        news.refund("demo", succeeded);
        news.refund("demo", succeeded);

        MailLogEntry mail = awaitFinal(onlyMail(MailKind.REFUND_RECEIPT));

        assertThat(mail.status()).isEqualTo(MailStatus.SENT);
        List<MimeMessage> received = messagesTo(invoiceAddress).stream()
                .filter(m -> subject(m).startsWith("Refund receipt")).toList();
        assertThat(received).singleElement().satisfies(message ->
                assertThat(subject(message)).isEqualTo("Refund receipt from Billfold Demo Hosting Inc."));
        Part pdf = attachment(received.getFirst());
        assertThat(pdf.getFileName()).startsWith("refund-receipt-CN-");
        assertThat(text(pdf.getInputStream().readAllBytes())).contains("$40.00")
                .isEqualTo(text(refunds.receipt(asked.id()).pdf()));
    }

    @Test
    void an_invoice_whose_transaction_rolls_back_leaves_no_mail_no_publication_and_sends_nothing() throws Exception {
        long publicationsBefore = publications();

        transactions.executeWithoutResult(status -> {
            invoice("50.00");
            status.setRollbackOnly();
        });

        assertThat(mails()).isEmpty();
        assertThat(publications()).isEqualTo(publicationsBefore);
        // A mail that does go out afterwards is the only one at the address: the rolled-back one never went.
        invoice("60.00");
        awaitFinal(onlyMail(MailKind.INVOICE));
        assertThat(messagesTo(invoiceAddress)).hasSize(1);
        assertThat(onlyMessageTo(invoiceAddress).getSubject()).contains(invoiceNumber(onlyPayment()));
    }

    @Test
    void a_mail_left_queued_by_a_crash_after_its_commit_is_sent_once_by_the_retry_job_after_the_restart()
            throws Exception {
        PaymentId invoice = waitingInvoiceWithoutMails();
        MailId mail = leftByACrash(invoice);
        assertThat(store.status(mail)).contains(MailStatus.QUEUED);
        assertThat(incompletePublications(mail)).isEqualTo(1);

        retry.runOnce();
        assertThat(store.status(mail)).as("within the lease the node may still be alive").contains(MailStatus.QUEUED);

        clock.advance(properties.lease().plus(properties.firstRetry()).plusSeconds(1));
        retry.runOnce();

        awaitFinal(mail);
        assertThat(store.status(mail)).contains(MailStatus.SENT);
        assertThat(incompletePublications(mail)).isZero();
        assertThat(messagesTo("again-" + invoiceAddress)).hasSize(1);
        clock.advance(properties.longestRetry().multipliedBy(2));
        retry.runOnce();
        assertThat(store.status(mail)).contains(MailStatus.SENT);
        assertThat(messagesTo("again-" + invoiceAddress)).hasSize(1);
    }

    @Test
    void a_node_that_dies_while_sending_holds_the_mail_only_until_its_lease_then_another_sends_it_once()
            throws Exception {
        PaymentId invoice = waitingInvoiceWithoutMails();
        MailId mail = leftByACrash(invoice);
        // The dying node claimed it and never came back to mark it.
        assertThat(store.claim(mail, clock.instant(), clock.instant().plus(properties.lease()))).isPresent();

        assertThatThrownBy(() -> delivery.send(mail)).isInstanceOf(MailDelivery.MailHeldElsewhere.class);
        assertThat(store.status(mail)).as("held by the other node's lease").contains(MailStatus.SENDING);
        assertThat(messagesTo("again-" + invoiceAddress)).isEmpty();

        clock.advance(properties.lease().plus(properties.firstRetry()).plusSeconds(1));
        retry.runOnce();

        awaitFinal(mail);
        assertThat(store.status(mail)).contains(MailStatus.SENT);
        assertThat(messagesTo("again-" + invoiceAddress)).hasSize(1);
    }

    @Test
    void two_nodes_resubmitting_and_sending_the_same_mail_at_once_send_it_once() throws Exception {
        PaymentId invoice = waitingInvoiceWithoutMails();
        MailId mail = leftByACrash(invoice);
        clock.advance(properties.lease().plus(properties.firstRetry()).plusSeconds(1));

        // Both nodes' retry jobs, and both nodes' senders, on the same mail at the same instant.
        AtOnce.run(4, index -> {
            if (index < 2) {
                retry.runOnce();
            } else {
                try {
                    delivery.send(mail);
                } catch (MailDelivery.MailHeldElsewhere heldByTheOther) {
                    // the other node claimed it first: this one leaves it to that node
                }
            }
            return null;
        });

        await(() -> store.status(mail).map(MailStatus::isFinal).orElse(false) && !publicationInFlight(mail), () -> null);
        assertThat(store.status(mail)).contains(MailStatus.SENT);
        // A resubmission that found the mail held by the other sender failed, to be tried again: the next run finds
        // the mail sent and completes the publication without sending.
        clock.advance(properties.longestRetry().plusSeconds(1));
        retry.runOnce();
        awaitFinal(mail);
        assertThat(attempts(mail)).isEqualTo(1);
        assertThat(messagesTo("again-" + invoiceAddress)).hasSize(1);
    }

    @Test
    void an_smtp_failure_leaves_the_mail_to_the_retry_job_which_sends_it_once_later() throws Exception {
        smtp.stop();
        PaymentId invoice = invoice("80.00");
        MailLogEntry failed = await(() -> mails().stream().anyMatch(m -> m.attempts() == 1
                && m.status() == MailStatus.QUEUED && publicationFailed(m.id())), () -> entry(onlyMail(MailKind.INVOICE)));
        assertThat(failed.lastError()).isNotBlank();
        smtp.start();

        retry.runOnce();
        assertThat(store.status(failed.id())).as("the first retry waits its time").contains(MailStatus.QUEUED);
        clock.advance(properties.retryAfter(1).plusSeconds(1));
        retry.runOnce();

        MailLogEntry sent = awaitFinal(failed.id());
        assertThat(sent.status()).isEqualTo(MailStatus.SENT);
        assertThat(sent.attempts()).isEqualTo(2);
        assertThat(sent.lastError()).isNull();
        assertThat(messagesTo(invoiceAddress)).hasSize(1);
        assertThat(onlyMessageTo(invoiceAddress).getSubject()).contains(invoiceNumber(invoice));
    }

    @Test
    void a_mail_that_fails_on_every_attempt_ends_failed_with_the_last_error_and_is_not_tried_again() throws Exception {
        smtp.stop();
        invoice("90.00");
        MailId mail = await(() -> mails().stream().anyMatch(m -> publicationFailed(m.id())),
                () -> onlyMail(MailKind.INVOICE));
        for (int attempt = 2; attempt <= properties.maxAttempts(); attempt++) {
            clock.advance(properties.longestRetry().plusSeconds(1));
            retry.runOnce();
            int expected = attempt;
            await(() -> attempts(mail) == expected && !publicationInFlight(mail), () -> null);
        }

        assertThat(store.status(mail)).contains(MailStatus.FAILED);
        assertThat(incompletePublications(mail)).isZero();
        clock.advance(properties.longestRetry().plusSeconds(1));
        retry.runOnce();
        assertThat(attempts(mail)).isEqualTo(properties.maxAttempts());
        assertThat(entry(mail).lastError()).isNotBlank();
    }

    @Test
    void a_statement_batchs_receipts_are_sent_once_each_through_one_publication_for_the_batch() throws Exception {
        List<PaymentId> invoices = waitingInvoicesWithoutMails(3);
        long publicationsBefore = publications();

        List<ReceiptOutcome> outcomes = receivedFromTheBank(invoices);

        assertThat(outcomes).extracting(ReceiptOutcome::result).containsOnly(ReceiptOutcome.Result.CREDITED);
        assertThat(publications() - publicationsBefore).as("one publication for the batch, none per receipt")
                .isEqualTo(1);
        UUID batch = onlyBatch();
        await(() -> !batchInFlight(batch), () -> null);
        List<MailLogEntry> receipts = mails().stream().filter(m -> m.kind() == MailKind.RECEIPT).toList();
        assertThat(receipts).extracting(MailLogEntry::paymentId).containsExactlyInAnyOrderElementsOf(invoices);
        assertThat(receipts).extracting(MailLogEntry::status).containsOnly(MailStatus.SENT);
        assertThat(receipts).extracting(MailLogEntry::attempts).containsOnly(1);
        List<String> subjects = new ArrayList<>();
        for (MimeMessage message : messagesTo(invoiceAddress)) {
            if (message.getSubject().startsWith("Receipt ")) {
                subjects.add(message.getSubject());
            }
        }
        assertThat(subjects).containsExactlyInAnyOrderElementsOf(invoices.stream()
                .map(id -> "Receipt " + PaymentDocuments.receiptNumber(id) + " from Billfold Demo Hosting Inc.")
                .toList());

        // The batch delivered again (a resubmission after a lost completion) sends nothing more.
        delivery.sendBatch(batch);
        assertThat(messagesTo(invoiceAddress).stream().filter(m -> subject(m).startsWith("Receipt "))).hasSize(3);
    }

    @Test
    void a_batch_the_smtp_server_refused_is_retried_and_each_receipt_still_goes_once() throws Exception {
        List<PaymentId> invoices = waitingInvoicesWithoutMails(2);
        smtp.stop();

        receivedFromTheBank(invoices);

        UUID batch = onlyBatch();
        await(() -> batchFailed(batch), () -> null);
        assertThat(mails().stream().filter(m -> m.kind() == MailKind.RECEIPT)).extracting(MailLogEntry::status)
                .containsOnly(MailStatus.QUEUED);
        smtp.start();
        clock.advance(properties.retryAfter(1).plusSeconds(1));
        retry.runOnce();

        await(() -> !batchInFlight(batch) && !batchFailed(batch), () -> null);
        assertThat(mails().stream().filter(m -> m.kind() == MailKind.RECEIPT)).extracting(MailLogEntry::status)
                .containsOnly(MailStatus.SENT);
        assertThat(messagesTo(invoiceAddress).stream().filter(m -> subject(m).startsWith("Receipt "))).hasSize(2);
    }

    /** Waiting invoices of 40.00 whose own mails are done with. */
    private List<PaymentId> waitingInvoicesWithoutMails(int count) throws InterruptedException {
        List<PaymentId> invoices = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            invoices.add(invoice("40.00"));
        }
        for (MailLogEntry mail : mails()) {
            awaitFinal(mail.id());
        }
        return invoices;
    }

    /** The invoices' money in one batch of a bank statement, applied by a Finance member as an import does. */
    private List<ReceiptOutcome> receivedFromTheBank(List<PaymentId> invoices) {
        List<BankReceipt> receipts = invoices.stream().map(id -> new BankReceipt("ACC1:" + UUID.randomUUID(),
                Money.of("40.00", "USD"), LocalDate.of(2026, 12, 1), "Pat Company Ltd", "VAT-123",
                invoiceNumber(id), "REF-" + id.value(), new BankReceipt.CreditInvoice(id, null))).toList();
        TestData.signIn(data.newStaffUser(), List.of(StaffRole.FINANCE));
        try {
            return bank.receive(receipts);
        } finally {
            TestData.signIn(customer.username());
        }
    }

    private UUID onlyBatch() {
        return jdbc.sql("select distinct batch_id from mail_log where account_id = ? and batch_id is not null")
                .param(customer.accountId().value()).query(UUID.class).single();
    }

    private boolean batchInFlight(UUID batch) {
        return jdbc.sql("""
                        select count(*) from event_publication
                         where completion_date is null and serialized_event like ?""")
                .param("%" + batch + "%").query(Long.class).single() > 0;
    }

    private boolean batchFailed(UUID batch) {
        return jdbc.sql("select count(*) from event_publication where status = 'FAILED' and serialized_event like ?")
                .param("%" + batch + "%").query(Long.class).single() == 1;
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- the causes

    private PaymentId invoice(String amount) {
        return ((TopUpOutcome.Completed) topUps.topUp(new TopUpRequest(customer.company(), amount,
                new MethodChoice.Invoice(), false, UUID.randomUUID().toString()))).paymentId();
    }

    /** A waiting invoice whose own mail is done with, so that a test can watch one other mail alone. */
    private PaymentId waitingInvoiceWithoutMails() throws Exception {
        PaymentId invoice = invoice("40.00");
        awaitFinal(onlyMail(MailKind.INVOICE));
        return invoice;
    }

    /**
     * The state a node leaves when it dies right after the commit: the mail's row and its publication are written,
     * and no listener ever ran. Recorded through the outbox itself, outside a transaction: the registry stores the
     * publication, and an after-commit listener without a transaction is never called.
     */
    private MailId leftByACrash(PaymentId invoice) {
        return outbox.invoiceAgain(invoice, invoiceNumber(invoice), "again-" + invoiceAddress, customer.userId(),
                UUID.randomUUID().toString()).orElseThrow();
    }

    // --- what the database says

    private List<MailLogEntry> mails() {
        return store.page(customer.accountId(), 0, 100);
    }

    private MailId onlyMail(MailKind kind) {
        List<MailLogEntry> of = mails().stream().filter(m -> m.kind() == kind).toList();
        assertThat(of).hasSize(1);
        return of.getFirst().id();
    }

    private MailLogEntry entry(MailId id) {
        return mails().stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow();
    }

    private int attempts(MailId id) {
        return entry(id).attempts();
    }

    private PaymentId onlyPayment() {
        return new PaymentId(jdbc.sql("select id from payment where account_id = ?")
                .param(customer.accountId().value()).query(UUID.class).single());
    }

    private String invoiceNumber(PaymentId payment) {
        return jdbc.sql("select number from invoice where payment_id = ?").param(payment.value())
                .query(String.class).single();
    }

    private long publications() {
        return jdbc.sql("select count(*) from event_publication").query(Long.class).single();
    }

    private long incompletePublications(MailId mail) {
        return jdbc.sql("select count(*) from event_publication where completion_date is null and serialized_event like ?")
                .param("%" + mail.value() + "%").query(Long.class).single();
    }

    private boolean publicationFailed(MailId mail) {
        return jdbc.sql("select count(*) from event_publication where status = 'FAILED' and serialized_event like ?")
                .param("%" + mail.value() + "%").query(Long.class).single() == 1;
    }

    private boolean publicationInFlight(MailId mail) {
        return jdbc.sql("""
                        select count(*) from event_publication
                         where status in ('PUBLISHED', 'PROCESSING', 'RESUBMITTED') and serialized_event like ?""")
                .param("%" + mail.value() + "%").query(Long.class).single() > 0;
    }

    /** Waits until the mail is final and its publication completed: then nothing can send it any more. */
    private MailLogEntry awaitFinal(MailId mail) throws InterruptedException {
        return await(() -> store.status(mail).map(MailStatus::isFinal).orElse(false)
                && incompletePublications(mail) == 0, () -> entry(mail));
    }

    private <T> T await(BooleanSupplier done, java.util.function.Supplier<T> then) throws InterruptedException {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (!done.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("Not done within " + Duration.ofMillis(WAIT_MILLIS) + ": " + mails() + "; "
                        + jdbc.sql("select * from event_publication").query().listOfRows());
            }
            Thread.sleep(50);
        }
        return then.get();
    }

    // --- what the SMTP server received

    private List<MimeMessage> messagesTo(String address) throws MessagingException {
        List<MimeMessage> to = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            Address[] recipients = message.getAllRecipients();
            if (recipients != null && List.of(recipients).stream()
                    .anyMatch(r -> r.toString().equalsIgnoreCase(address))) {
                to.add(message);
            }
        }
        return to;
    }

    private MimeMessage onlyMessageTo(String address) throws MessagingException {
        List<MimeMessage> to = messagesTo(address);
        assertThat(to).hasSize(1);
        return to.getFirst();
    }

    private static Part attachment(MimeMessage message) throws MessagingException, IOException {
        var parts = (Multipart) message.getContent();
        Part found = null;
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                assertThat(found).as("one attachment").isNull();
                found = part;
            }
        }
        assertThat(found).as("an attachment").isNotNull();
        return found;
    }

    private static String body(MimeMessage message) throws MessagingException, IOException {
        return com.icegreen.greenmail.util.GreenMailUtil.getBody(message);
    }

    /** The mail's text part, decoded. */
    private static String plainText(MimeMessage message) throws MessagingException, IOException {
        var parts = (Multipart) message.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.getContent() instanceof Multipart nested) {
                for (int j = 0; j < nested.getCount(); j++) {
                    if (nested.getBodyPart(j).isMimeType("text/plain")) {
                        return (String) nested.getBodyPart(j).getContent();
                    }
                }
            } else if (part.isMimeType("text/plain")) {
                return (String) part.getContent();
            }
        }
        throw new AssertionError("no text part");
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
