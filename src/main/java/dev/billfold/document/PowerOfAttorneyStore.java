package dev.billfold.document;

import dev.billfold.account.AccountId;
import dev.billfold.account.PayerId;
import dev.billfold.account.PayerType;
import dev.billfold.security.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PowerOfAttorneyStore {

    private static final String ITEM = """
            select o.id, o.account_id, a.account_number, a.name as account_name, o.payer_id,
                   pr.legal_name as payer_name, pr.type as payer_type, o.individual_name, o.valid_from, o.valid_to,
                   f.file_name, f.content_type, f.size_bytes, o.uploaded_at, u.display_name as uploaded_by, o.status,
                   o.reason, d.display_name as decided_by, o.decided_at
              from power_of_attorney o
              join account a on a.id = o.account_id
              join payer pr on pr.id = o.payer_id
              join document_file f on f.id = o.file_id
              join app_user u on u.id = f.uploaded_by
              left join app_user d on d.id = o.decided_by
            """;

    /** Payers asked about in one statement; an IN list of this size is fine on both databases. */
    static final int CHUNK = 500;

    private final JdbcClient jdbc;

    PowerOfAttorneyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * For each payer among {@code payers}, the name keys of its powers of attorney accepted and valid on {@code on}.
     */
    Map<PayerId, Set<String>> validNameKeys(Collection<PayerId> payers, LocalDate on) {
        Map<PayerId, Set<String>> found = new HashMap<>();
        List<UUID> ids = payers.stream().map(PayerId::value).distinct().toList();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<UUID> chunk = new ArrayList<>(ids.subList(from, Math.min(ids.size(), from + CHUNK)));
            jdbc.sql("""
                            select payer_id, name_key from power_of_attorney
                             where payer_id in (:payers) and status = 'ACCEPTED'
                               and valid_from <= :on and valid_to >= :on""")
                    .param("payers", chunk)
                    .param("on", on)
                    .query((rs, row) -> {
                        found.computeIfAbsent(new PayerId(rs.getObject(1, UUID.class)), id -> new HashSet<>())
                                .add(rs.getString(2));
                        return null;
                    })
                    .list();
        }
        return found;
    }

    PowerOfAttorneyId insert(AccountId account, PayerId payer, String name, LocalDate from, LocalDate to, UUID file,
                             Instant at) {
        var id = PowerOfAttorneyId.random();
        jdbc.sql("""
                        insert into power_of_attorney (id, account_id, payer_id, individual_name, name_key, valid_from,
                          valid_to, file_id, status, uploaded_at, version)
                        values (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, 0)""")
                .params(id.value(), account.value(), payer.value(), name, PersonName.key(name), from, to, file,
                        at.atOffset(ZoneOffset.UTC))
                .update();
        return id;
    }

    List<PowerOfAttorneyItem> ofPayer(PayerId payer) {
        return jdbc.sql(ITEM + " where o.payer_id = ? order by o.uploaded_at desc, o.id").param(payer.value())
                .query(PowerOfAttorneyStore::item).list();
    }

    int countPending() {
        return jdbc.sql("select count(*) from power_of_attorney where status = 'PENDING'").query(Integer.class)
                .single();
    }

    /** Oldest first. */
    List<PowerOfAttorneyItem> pending(int offset, int limit) {
        return jdbc.sql(ITEM + " where o.status = 'PENDING' order by o.uploaded_at, o.id limit ? offset ?")
                .params(limit, offset).query(PowerOfAttorneyStore::item).list();
    }

    Optional<PowerOfAttorneyItem> find(PowerOfAttorneyId id) {
        return jdbc.sql(ITEM + " where o.id = ?").param(id.value()).query(PowerOfAttorneyStore::item).optional();
    }

    /** Locks the row until the transaction ends: two staff members deciding at once end with one decision. */
    Optional<PowerOfAttorneyItem> lock(PowerOfAttorneyId id) {
        jdbc.sql("select id from power_of_attorney where id = ? for update").param(id.value()).query(UUID.class)
                .optional();
        return find(id);
    }

    Optional<UUID> fileOf(PowerOfAttorneyId id) {
        return jdbc.sql("select file_id from power_of_attorney where id = ?").param(id.value()).query(UUID.class)
                .optional();
    }

    void decide(PowerOfAttorneyId id, PowerOfAttorneyStatus status, @Nullable String reason, UserId by, Instant at) {
        jdbc.sql("""
                        update power_of_attorney set status = ?, reason = ?, decided_by = ?, decided_at = ?,
                          version = version + 1 where id = ?""")
                .params(status.name(), reason, by.value(), at.atOffset(ZoneOffset.UTC), id.value())
                .update();
    }

    private static PowerOfAttorneyItem item(ResultSet rs, int row) throws SQLException {
        return new PowerOfAttorneyItem(new PowerOfAttorneyId(rs.getObject("id", UUID.class)),
                new AccountId(rs.getObject("account_id", UUID.class)), rs.getString("account_number"),
                rs.getString("account_name"), new PayerId(rs.getObject("payer_id", UUID.class)),
                rs.getString("payer_name"), PayerType.valueOf(rs.getString("payer_type")),
                rs.getString("individual_name"), rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_to", LocalDate.class), rs.getString("file_name"),
                DocumentKind.ofContentType(rs.getString("content_type")), rs.getInt("size_bytes"),
                PaymentOrderStore.instant(rs, "uploaded_at"), rs.getString("uploaded_by"),
                PowerOfAttorneyStatus.valueOf(rs.getString("status")), rs.getString("reason"),
                rs.getString("decided_by"), PaymentOrderStore.instantOrNull(rs, "decided_at"));
    }
}
