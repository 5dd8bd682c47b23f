package dev.billfold.hosting;

import dev.billfold.account.AccountId;
import dev.billfold.base.Money;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Services, their versioned state changes, and the auto-renewal job's claims on them. */
@Repository
class HostedServiceStore {

    private final JdbcClient jdbc;

    HostedServiceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<HostedService> findByAccount(AccountId accountId) {
        // A terminated service is the provider's record only: the customer neither sees nor renews it.
        return jdbc.sql("select * from hosted_service where account_id = ? and status <> 'TERMINATED' "
                        + "order by name, id")
                .param(accountId.value()).query(HostedServiceStore::map).list();
    }

    Optional<HostedService> findById(HostedServiceId id) {
        return jdbc.sql("select * from hosted_service where id = ?").param(id.value()).query(HostedServiceStore::map)
                .optional();
    }

    /**
     * Locks the account's services among {@code ids} (in id order, so two renewals never deadlock); others' ids are
     * left out.
     */
    List<HostedService> lockAll(AccountId accountId, Collection<HostedServiceId> ids) {
        return jdbc.sql("select * from hosted_service where account_id = :account and id in (:ids) "
                        + "and status <> 'TERMINATED' order by id for update")
                .param("account", accountId.value())
                .param("ids", ids.stream().map(HostedServiceId::value).toList())
                .query(HostedServiceStore::map).list();
    }

    void update(HostedService next) {
        int changed = jdbc.sql("""
                        update hosted_service set paid_until = ?, status = ?, auto_renew = ?, version = ?
                        where id = ? and version = ?""")
                .params(next.paidUntil(), next.status().name(), next.autoRenew(), next.version() + 1, next.id().value(),
                        next.version())
                .update();
        if (changed != 1) {
            throw new OptimisticLockingFailureException("Service " + next.id().value() + " changed concurrently");
        }
    }

    /** A service the provider's systems create (the API); its first renewal or payment comes later. */
    void insert(HostedService service, Instant now) {
        jdbc.sql("""
                        insert into hosted_service (id, account_id, name, kind, price_value, price_currency, period,
                                                    paid_until, status, auto_renew, created_at, version)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""")
                .params(service.id().value(), service.accountId().value(), service.name(), service.kind().name(),
                        service.price().value(), service.price().currencyCode(), service.period().name(),
                        service.paidUntil(), service.status().name(), service.autoRenew(), utc(now))
                .update();
    }

    /** The price and a change of it from a day on, under the same optimistic check as {@link #update}. */
    void updatePrice(HostedService next) {
        int changed = jdbc.sql("""
                        update hosted_service set price_value = ?, next_price_value = ?, next_price_currency = ?,
                                                  next_price_from = ?, version = ?
                        where id = ? and version = ?""")
                .params(next.price().value(), next.nextPrice() == null ? null : next.nextPrice().value(),
                        next.nextPrice() == null ? null : next.nextPrice().currencyCode(), next.nextPriceFrom(),
                        next.version() + 1, next.id().value(), next.version())
                .update();
        if (changed != 1) {
            throw new OptimisticLockingFailureException("Service " + next.id().value() + " changed concurrently");
        }
    }

    /** Any account's service with its row locked, for the provider's changes. */
    Optional<HostedService> lock(HostedServiceId id) {
        return jdbc.sql("select * from hosted_service where id = ? for update").param(id.value())
                .query(HostedServiceStore::map).optional();
    }

    void setAutoRenew(HostedServiceId id, boolean autoRenew) {
        jdbc.sql("update hosted_service set auto_renew = ?, version = version + 1 where id = ?")
                .params(autoRenew, id.value()).update();
    }

    /**
     * Claims the next service that auto-renews, is due by {@code dueBy}, has not been dealt with today and is not held
     * by another run: the row is locked with SKIP LOCKED (another node's claim in flight is passed over, not waited
     * for) and then leased until {@code leaseUntil}. Call inside a short transaction.
     */
    Optional<HostedServiceId> claimNextDue(LocalDate dueBy, LocalDate today, Instant now, Instant leaseUntil) {
        Optional<HostedServiceId> next = jdbc.sql("""
                        select id from hosted_service
                        where auto_renew = true and status in ('ACTIVE', 'SUSPENDED') and paid_until <= :dueBy
                          and (renewal_checked_on is null or renewal_checked_on < :today)
                          and (renewal_claimed_until is null or renewal_claimed_until < :now)
                        order by paid_until, id
                        limit 1
                        for update skip locked""")
                .param("dueBy", dueBy).param("today", today).param("now", utc(now))
                .query((rs, n) -> new HostedServiceId(rs.getObject(1, UUID.class))).optional();
        next.ifPresent(id -> jdbc.sql("update hosted_service set renewal_claimed_until = ? where id = ?")
                .params(utc(leaseUntil), id.value()).update());
        return next;
    }

    /** Shutdown: gives back this run's claim, unless the service was checked or claimed again since (DD-087). */
    void releaseClaim(HostedServiceId id, Instant until) {
        jdbc.sql("update hosted_service set renewal_claimed_until = null where id = ? and renewal_claimed_until = ?")
                .params(id.value(), utc(until)).update();
    }

    /** The job is done with the service for {@code today}; its claim ends. */
    void markChecked(HostedServiceId id, LocalDate today) {
        jdbc.sql("update hosted_service set renewal_checked_on = ?, renewal_claimed_until = null where id = ?")
                .params(today, id.value()).update();
    }

    /** Active services whose paid time has ended, locked; rows held by a run still renewing them are passed over. */
    List<HostedService> lockLapsed(LocalDate today, Instant now) {
        return jdbc.sql("""
                        select * from hosted_service
                        where status = 'ACTIVE' and paid_until <= :today
                          and (renewal_claimed_until is null or renewal_claimed_until < :now)
                        order by id
                        for update skip locked""")
                .param("today", today).param("now", utc(now))
                .query(HostedServiceStore::map).list();
    }

    /**
     * The accounts' active services, locked; rows held by a run still renewing them are passed over. For suspending
     * the services of an account whose balance stayed below zero (DD-069).
     */
    List<HostedService> lockActiveOf(Collection<AccountId> accounts, Instant now) {
        if (accounts.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select * from hosted_service
                        where status = 'ACTIVE' and account_id in (:accounts)
                          and (renewal_claimed_until is null or renewal_claimed_until < :now)
                        order by id
                        for update skip locked""")
                .param("accounts", accounts.stream().map(AccountId::value).toList()).param("now", utc(now))
                .query(HostedServiceStore::map).list();
    }

    /** Services suspended for a balance below zero, locked, for switching on again. */
    List<HostedService> lockSuspendedOverdrawn(int limit) {
        return jdbc.sql("""
                        select * from hosted_service where status = 'SUSPENDED' and suspended_overdrawn
                        order by id limit ? for update skip locked""")
                .param(limit).query(HostedServiceStore::map).list();
    }

    void markSuspendedOverdrawn(HostedServiceId id, boolean overdrawn) {
        jdbc.sql("update hosted_service set suspended_overdrawn = ? where id = ?").params(overdrawn, id.value())
                .update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static HostedService map(ResultSet rs, int row) throws SQLException {
        return new HostedService(
                new HostedServiceId(rs.getObject("id", UUID.class)),
                new AccountId(rs.getObject("account_id", UUID.class)),
                rs.getString("name"),
                HostedServiceKind.valueOf(rs.getString("kind")),
                Money.of(rs.getBigDecimal("price_value"), Currency.getInstance(rs.getString("price_currency").trim())),
                BillingPeriod.valueOf(rs.getString("period")),
                rs.getObject("paid_until", LocalDate.class),
                HostedServiceStatus.valueOf(rs.getString("status")),
                rs.getBoolean("auto_renew"),
                rs.getLong("version"),
                nextPrice(rs),
                rs.getObject("next_price_from", LocalDate.class));
    }

    private static @Nullable Money nextPrice(ResultSet rs) throws SQLException {
        java.math.BigDecimal value = rs.getBigDecimal("next_price_value");
        String currency = rs.getString("next_price_currency");
        return value == null || currency == null ? null : Money.of(value, Currency.getInstance(currency.trim()));
    }
}
