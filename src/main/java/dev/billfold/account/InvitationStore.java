package dev.billfold.account;

import dev.billfold.security.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Invitations. Accepting is a conditional update, so a token is used at most once even when two tabs race. */
@Repository
class InvitationStore {

    private static final RowMapper<Invitation> INVITATION = InvitationStore::map;

    private final JdbcClient jdbc;

    InvitationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Invitation invitation) {
        jdbc.sql("""
                        insert into invitation (id, account_id, email, role, token_hash, invited_by, created_at,
                          expires_at, accepted_by, accepted_at, version)
                          values (?, ?, ?, ?, ?, ?, ?, ?, null, null, 0)""")
                .params(invitation.id().value(), invitation.accountId().value(), invitation.email(),
                        invitation.role().name(), invitation.tokenHash(), invitation.invitedBy().value(),
                        utc(invitation.createdAt()), utc(invitation.expiresAt()))
                .update();
    }

    Optional<Invitation> findById(InvitationId id) {
        return jdbc.sql("select * from invitation where id = ?").param(id.value()).query(INVITATION).optional();
    }

    Optional<Invitation> findByTokenHash(String tokenHash) {
        return jdbc.sql("select * from invitation where token_hash = ?").param(tokenHash).query(INVITATION).optional();
    }

    List<Invitation> pendingIn(AccountId accountId, Instant now) {
        return jdbc.sql("""
                        select * from invitation where account_id = ? and accepted_at is null and expires_at > ?
                         order by created_at, id""")
                .params(accountId.value(), utc(now)).query(INVITATION).list();
    }

    List<Invitation> pendingFor(String email, Instant now) {
        return jdbc.sql("""
                        select * from invitation where email = ? and accepted_at is null and expires_at > ?
                         order by created_at, id""")
                .params(email, utc(now)).query(INVITATION).list();
    }

    /** 1 if this call used the invitation, 0 if it was used, revoked or expired meanwhile. */
    int markAccepted(InvitationId id, UserId userId, Instant now) {
        return jdbc.sql("""
                        update invitation set accepted_by = ?, accepted_at = ?, version = version + 1
                         where id = ? and accepted_at is null and expires_at > ?""")
                .params(userId.value(), utc(now), id.value(), utc(now)).update();
    }

    /** Withdraws pending invitations of one address to one account (revoked, or replaced by a new one). */
    int deletePending(AccountId accountId, String email) {
        return jdbc.sql("delete from invitation where account_id = ? and email = ? and accepted_at is null")
                .params(accountId.value(), email).update();
    }

    int delete(InvitationId id) {
        return jdbc.sql("delete from invitation where id = ? and accepted_at is null").param(id.value()).update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Invitation map(ResultSet rs, int row) throws SQLException {
        UUID acceptedBy = rs.getObject("accepted_by", UUID.class);
        OffsetDateTime acceptedAt = rs.getObject("accepted_at", OffsetDateTime.class);
        return new Invitation(new InvitationId(rs.getObject("id", UUID.class)),
                new AccountId(rs.getObject("account_id", UUID.class)), rs.getString("email"),
                Role.valueOf(rs.getString("role")), rs.getString("token_hash").trim(),
                new UserId(rs.getObject("invited_by", UUID.class)),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("expires_at", OffsetDateTime.class).toInstant(),
                acceptedBy == null ? null : new UserId(acceptedBy), acceptedAt == null ? null : acceptedAt.toInstant());
    }
}
