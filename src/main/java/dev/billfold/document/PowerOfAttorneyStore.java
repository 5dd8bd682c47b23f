package dev.billfold.document;

import dev.billfold.account.PayerId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PowerOfAttorneyStore {

    /** Payers asked about in one statement; an IN list of this size is fine on both databases. */
    static final int CHUNK = 500;

    private final JdbcClient jdbc;

    PowerOfAttorneyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** For each payer among {@code payers}, the name keys of its powers of attorney accepted and valid on {@code on}. */
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
}
