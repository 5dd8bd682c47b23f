package dev.billfold.notification;

import dev.billfold.account.AccountId;
import dev.billfold.language.Language;
import dev.billfold.payment.PaymentId;
import dev.billfold.security.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The mail log's rows. A row is written once per cause ({@code cause} is unique), claimed by the node that sends it
 * (a lease, as DD-053's webhook claims), and marked with the outcome by the claim that holds it, never by a stale one.
 */
@Component
class MailLogStore {

    /** One mail, in any status, with the payer's invoice address unless it names a recipient. */
    private static final String INSERT = """
            insert into mail_log (id, cause, kind, account_id, payment_id, recipient, subject, status, attempts,
                                  requested_by, batch_id, created_at, sent_at, language)
            select :id, :cause, :kind, p.account_id, p.id,
                   coalesce(cast(:recipient as varchar(320)), pr.invoice_email), :subject, :status, 0,
                   cast(:requestedBy as uuid), cast(:batch as uuid), :now, :sentAt, :language
              from payment p join payer pr on pr.id = p.payer_id
             where p.id = :payment
            on conflict do nothing""";

    /** Rows per statement and ids per {@code in} list. */
    private static final int IN_LIST = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    MailLogStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** The payment's account, or empty for an unknown payment. */
    Optional<AccountId> accountOfPayment(PaymentId paymentId) {
        return jdbc.sql("select account_id from payment where id = ?").param(paymentId.value())
                .query(UUID.class).optional().map(AccountId::new);
    }

    /** The invoice address of the payment's payer, as it is now. */
    Optional<String> invoiceAddress(PaymentId paymentId) {
        return jdbc.sql("select pr.invoice_email from payment p join payer pr on pr.id = p.payer_id where p.id = ?")
                .param(paymentId.value()).query(String.class).optional();
    }

    /**
     * Records a mail for the payment, addressed to its recipient or (null) to the payer's invoice address, in
     * {@code status}: QUEUED to be sent, or LOGGED when mail is off. Returns the new row's id, or empty when a mail
     * with this cause exists already.
     */
    Optional<MailId> insert(NewMail mail, MailStatus status, Instant now) {
        MailId id = MailId.random();
        int inserted = jdbc.sql(INSERT)
                .param("id", id.value()).param("cause", mail.cause()).param("kind", mail.kind().name())
                .param("recipient", mail.recipient()).param("subject", mail.subject())
                .param("status", status.name()).param("sentAt", sentAt(status, now))
                .param("requestedBy", mail.requestedBy() == null ? null : mail.requestedBy().value())
                .param("batch", null).param("now", Timestamp.from(now)).param("payment", mail.paymentId().value())
                .param("language", mail.language().tag())
                .update();
        return inserted == 1 ? Optional.of(id) : Optional.empty();
    }

    /**
     * Records many mails as one JDBC batch, each as {@link #insert} would, under one {@code batch} id that a single
     * publication names. The payers' addresses are read first in one query, so the batch is a plain multi-row insert,
     * which PostgreSQL's driver rewrites into few statements (PersistenceConfig). Returns how many may be new.
     */
    int insertAll(List<NewMail> mails, @Nullable UUID batch, MailStatus status, Instant now) {
        Map<UUID, Addressee> addressees = new HashMap<>();
        List<UUID> payments = mails.stream().map(mail -> mail.paymentId().value()).distinct().toList();
        for (int from = 0; from < payments.size(); from += IN_LIST) {
            jdbc.sql("""
                            select p.id, p.account_id, pr.invoice_email
                              from payment p join payer pr on pr.id = p.payer_id where p.id in (:ids)""")
                    .param("ids", payments.subList(from, Math.min(payments.size(), from + IN_LIST)))
                    .query((rs, n) -> addressees.put(rs.getObject(1, UUID.class),
                            new Addressee(rs.getObject(2, UUID.class), rs.getString(3))))
                    .list();
        }
        Timestamp at = Timestamp.from(now);
        Timestamp sentAt = sentAt(status, now);
        List<NewMail> known = mails.stream().filter(mail -> addressees.containsKey(mail.paymentId().value()))
                .toList();
        int[][] counts = template.batchUpdate("""
                        insert into mail_log (id, cause, kind, account_id, payment_id, recipient, subject, status,
                                              attempts, requested_by, batch_id, created_at, sent_at, language)
                        values (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?)
                        on conflict do nothing""", known, IN_LIST, (ps, mail) -> {
                    Addressee to = addressees.get(mail.paymentId().value());
                    ps.setObject(1, MailId.random().value());
                    ps.setString(2, mail.cause());
                    ps.setString(3, mail.kind().name());
                    ps.setObject(4, to.accountId());
                    ps.setObject(5, mail.paymentId().value());
                    ps.setString(6, mail.recipient() != null ? mail.recipient() : to.invoiceEmail());
                    ps.setString(7, mail.subject());
                    ps.setString(8, status.name());
                    ps.setObject(9, mail.requestedBy() == null ? null : mail.requestedBy().value());
                    ps.setObject(10, batch);
                    ps.setTimestamp(11, at);
                    ps.setTimestamp(12, sentAt);
                    ps.setString(13, mail.language().tag());
                });
        int inserted = 0;
        for (int[] chunk : counts) {
            for (int count : chunk) {
                // A rewritten batch answers "done, count unknown" (SUCCESS_NO_INFO): such a row may be new.
                inserted += count == 0 ? 0 : 1;
            }
        }
        return inserted;
    }

    private record Addressee(UUID accountId, String invoiceEmail) {
    }

    /** The mails of a batch that are not final yet, in the order they were recorded. */
    List<MailId> unfinishedOfBatch(UUID batch) {
        return jdbc.sql("""
                        select id from mail_log
                         where batch_id = ? and status in ('QUEUED', 'SENDING') order by created_at, cause""")
                .param(batch).query(UUID.class).list().stream().map(MailId::new).toList();
    }

    private static @Nullable Timestamp sentAt(MailStatus status, Instant now) {
        return status == MailStatus.LOGGED ? Timestamp.from(now) : null;
    }

    /**
     * Takes the mail for sending: a QUEUED one, or one whose sender's lease ran out (that node died or hung). Empty
     * when it is final, or another node holds it.
     */
    Optional<Claim> claim(MailId id, Instant now, Instant leaseEnd) {
        // Millisecond precision, so that the lease compares equal to itself on both databases.
        Instant until = leaseEnd.truncatedTo(ChronoUnit.MILLIS);
        int claimed = jdbc.sql("""
                        update mail_log set status = 'SENDING', claimed_until = :until, attempts = attempts + 1
                         where id = :id
                           and (status = 'QUEUED' or (status = 'SENDING' and claimed_until <= :now))""")
                .param("until", Timestamp.from(until)).param("now", Timestamp.from(now)).param("id", id.value())
                .update();
        if (claimed == 0) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select id, cause, kind, payment_id, recipient, subject, attempts, language
                          from mail_log where id = ?""")
                .param(id.value())
                .query((rs, n) -> new Claim(id, rs.getString("cause"), MailKind.valueOf(rs.getString("kind")),
                        new PaymentId(rs.getObject("payment_id", UUID.class)), rs.getString("recipient"),
                        rs.getString("subject"), rs.getInt("attempts"), until,
                        Language.fromTag(rs.getString("language")).orElse(Language.EN)))
                .optional();
    }

    Optional<MailStatus> status(MailId id) {
        return jdbc.sql("select status from mail_log where id = ?").param(id.value()).query(String.class).optional()
                .map(MailStatus::valueOf);
    }

    /** The outcome of a claim: SENT or LOGGED, FAILED, or QUEUED again for a retry. Only the claim's own lease. */
    boolean finish(Claim claim, MailStatus status, Instant now, @Nullable String error) {
        return jdbc.sql("""
                        update mail_log set status = :status, claimed_until = null, last_error = :error,
                                            sent_at = case when cast(:sent as boolean) then :now else sent_at end
                         where id = :id and status = 'SENDING' and claimed_until = :until""")
                .param("status", status.name()).param("error", error == null ? null : abbreviate(error))
                .param("sent", status == MailStatus.SENT || status == MailStatus.LOGGED)
                .param("now", Timestamp.from(now)).param("id", claim.id().value())
                .param("until", Timestamp.from(claim.until()))
                .update() == 1;
    }

    int count(AccountId accountId) {
        return jdbc.sql("select count(*) from mail_log where account_id = ?").param(accountId.value())
                .query(Integer.class).single();
    }

    List<MailLogEntry> page(AccountId accountId, int offset, int limit) {
        return jdbc.sql("""
                        select id, created_at, kind, recipient, subject, status, attempts, sent_at, last_error,
                               payment_id
                          from mail_log where account_id = :account
                         order by created_at desc, id desc limit :limit offset :offset""")
                .param("account", accountId.value()).param("limit", limit).param("offset", offset)
                .query((rs, n) -> new MailLogEntry(new MailId(rs.getObject("id", UUID.class)),
                        instant(rs, "created_at"), MailKind.valueOf(rs.getString("kind")), rs.getString("recipient"),
                        rs.getString("subject"), MailStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
                        rs.getObject("sent_at") == null ? null : instant(rs, "sent_at"), rs.getString("last_error"),
                        new PaymentId(rs.getObject("payment_id", UUID.class))))
                .list();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static String abbreviate(String text) {
        return text.length() <= 500 ? text : text.substring(0, 499) + "…";
    }

    /** A mail to record: its cause (unique), kind, payment, and the recipient if not the payer's invoice address. */
    record NewMail(String cause, MailKind kind, PaymentId paymentId, @Nullable String recipient, String subject,
                   @Nullable UserId requestedBy, Language language) {
    }

    /** A mail this node holds until {@code until}. */
    record Claim(MailId id, String cause, MailKind kind, PaymentId paymentId, String recipient, String subject,
                 int attempts, Instant until, Language language) {
    }

    /** The language of the payment's first mail: a receipt is written in the language its invoice was. */
    Optional<Language> languageOfFirstMail(PaymentId paymentId) {
        return jdbc.sql("select language from mail_log where payment_id = ? order by created_at, id limit 1")
                .param(paymentId.value()).query(String.class).optional().flatMap(Language::fromTag);
    }
}
