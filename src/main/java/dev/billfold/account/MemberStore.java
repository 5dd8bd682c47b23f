package dev.billfold.account;

import dev.billfold.security.UserId;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Membership rows (account, user, role). Plain SQL: a membership is a link between two aggregates, not an aggregate
 * of its own, and the members list joins the users.
 */
@Repository
class MemberStore {

    private final JdbcClient jdbc;
    /** Counts this node's membership writes, so that {@link RequestMemberships} knows when its copy is stale. */
    private final AtomicLong writes = new AtomicLong();

    MemberStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long writes() {
        return writes.get();
    }

    /** The user's accounts with their role there, the one chosen last first; never chosen ones by name. */
    List<RequestMemberships.Membership> membershipsOf(UserId userId) {
        return jdbc.sql("""
                        select a.id, a.name, a.currency, a.country, a.account_number, a.version, m.role
                          from account a join account_member m on m.account_id = a.id
                         where m.user_id = ? order by m.chosen_at desc nulls last, a.name, a.id""")
                .param(userId.value())
                .query((rs, n) -> new RequestMemberships.Membership(
                        new Account(new AccountId(rs.getObject("id", UUID.class)), rs.getString("name"),
                                Currency.getInstance(rs.getString("currency")), rs.getString("country"),
                                rs.getString("account_number"), rs.getObject("version", Long.class)),
                        Role.valueOf(rs.getString("role"))))
                .list();
    }

    List<MemberSummary> members(AccountId accountId, UserId you) {
        return jdbc.sql("""
                        select u.id, u.display_name, u.email, m.role from account_member m
                          join app_user u on u.id = m.user_id
                         where m.account_id = ?
                         order by case m.role when 'OWNER' then 0 when 'BILLING' then 1 else 2 end,
                                  u.display_name, u.id""")
                .param(accountId.value())
                .query((rs, n) -> {
                    var userId = new UserId(rs.getObject("id", UUID.class));
                    return new MemberSummary(userId, rs.getString("display_name"), rs.getString("email"),
                            Role.valueOf(rs.getString("role")), userId.equals(you));
                })
                .list();
    }

    /** The user's accounts with their role there, by name. */
    List<AccountChoice> accountsOf(UserId userId) {
        return jdbc.sql("""
                        select a.id, a.name, m.role from account_member m join account a on a.id = m.account_id
                         where m.user_id = ? order by a.name, a.id""")
                .param(userId.value())
                .query((rs, n) -> new AccountChoice(new AccountId(rs.getObject("id", UUID.class)), rs.getString("name"),
                        Role.valueOf(rs.getString("role"))))
                .list();
    }

    int owners(AccountId accountId) {
        return jdbc.sql("select count(*) from account_member where account_id = ? and role = 'OWNER'")
                .param(accountId.value()).query(Integer.class).single();
    }

    boolean hasMemberWithEmail(AccountId accountId, String email) {
        return jdbc.sql("""
                        select count(*) from account_member m join app_user u on u.id = m.user_id
                         where m.account_id = ? and lower(u.email) = ?""")
                .params(accountId.value(), email).query(Integer.class).single() > 0;
    }

    /** A user's display name, for the audit trail's text. */
    Optional<String> displayName(UserId userId) {
        return jdbc.sql("select display_name from app_user where id = ?").param(userId.value()).query(String.class)
                .optional();
    }

    void insert(AccountId accountId, UserId userId, Role role) {
        writes.incrementAndGet();
        jdbc.sql("insert into account_member (account_id, user_id, role) values (?, ?, ?)")
                .params(accountId.value(), userId.value(), role.name()).update();
    }

    int updateRole(AccountId accountId, UserId userId, Role role) {
        writes.incrementAndGet();
        return jdbc.sql("update account_member set role = ? where account_id = ? and user_id = ?")
                .params(role.name(), accountId.value(), userId.value()).update();
    }

    int delete(AccountId accountId, UserId userId) {
        writes.incrementAndGet();
        return jdbc.sql("delete from account_member where account_id = ? and user_id = ?")
                .params(accountId.value(), userId.value()).update();
    }

    /** Remembers the account the user chose; the latest choice is their current account from then on. */
    int choose(AccountId accountId, UserId userId, Instant now) {
        writes.incrementAndGet();
        return jdbc.sql("update account_member set chosen_at = ? where account_id = ? and user_id = ?")
                .params(now.atOffset(ZoneOffset.UTC), accountId.value(), userId.value()).update();
    }

    /** The account's members with their sign-in identity, for the API; by name. */
    List<ProvisionedMember> provisionedMembers(AccountId accountId) {
        return jdbc.sql("""
                        select u.id, u.display_name, u.oidc_issuer, u.oidc_subject, m.role
                        from account_member m join app_user u on u.id = m.user_id
                        where m.account_id = ? order by u.display_name, u.id""")
                .param(accountId.value())
                .query((rs, n) -> new ProvisionedMember(new UserId(rs.getObject("id", UUID.class)),
                        rs.getString("display_name"), rs.getString("oidc_issuer"), rs.getString("oidc_subject"),
                        Role.valueOf(rs.getString("role"))))
                .list();
    }

    Optional<Role> role(AccountId accountId, UserId userId) {
        return jdbc.sql("select role from account_member where account_id = ? and user_id = ?")
                .params(accountId.value(), userId.value()).query(String.class).optional().map(Role::valueOf);
    }
}
