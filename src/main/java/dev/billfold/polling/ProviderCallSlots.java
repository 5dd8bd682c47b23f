package dev.billfold.polling;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The provider_call_slot rows behind {@link ProviderCallLimiter}: one instant per provider, shared by every node. */
@Repository
class ProviderCallSlots {

    private final JdbcClient jdbc;

    ProviderCallSlots(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The provider's next slot, locked until the transaction ends; empty when the provider has no row yet. */
    Optional<Instant> lock(String provider) {
        return jdbc.sql("select next_slot_at from provider_call_slot where provider = ? for update").param(provider)
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant()).optional();
    }

    void store(String provider, Instant nextSlot) {
        jdbc.sql("update provider_call_slot set next_slot_at = ? where provider = ?")
                .params(nextSlot.atOffset(ZoneOffset.UTC), provider).update();
    }

    /** Fails with a duplicate key when another node created the row first; the caller ignores that. */
    void create(String provider, Instant nextSlot) {
        jdbc.sql("insert into provider_call_slot (provider, next_slot_at) values (?, ?)")
                .params(provider, nextSlot.atOffset(ZoneOffset.UTC)).update();
    }
}
