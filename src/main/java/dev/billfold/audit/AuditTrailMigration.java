package dev.billfold.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * V18, the audit trail's table (DD-061). A Java migration because the database itself refuses every UPDATE and DELETE
 * of an entry, with a trigger, and PostgreSQL and H2 write triggers differently: PL/pgSQL there, a Java class here. The
 * table is the same on both. Spring Boot hands this bean to Flyway with the SQL migrations.
 */
@Component
class AuditTrailMigration implements JavaMigration {

    static final String TABLE = """
            create table audit_entry (
                id              uuid primary key,
                seq             bigint generated always as identity unique,
                at              timestamp with time zone not null,
                actor_kind      varchar(16) not null,
                actor_user_id   uuid,
                actor_name      varchar(200) not null,
                actor_role      varchar(64) not null,
                client_address  varchar(64),
                action          varchar(64) not null,
                text            varchar(200) not null,
                account_id      uuid,
                subject_id      uuid,
                before_state    varchar(300),
                after_state     varchar(300),
                note            varchar(2000),
                visibility      varchar(24) not null,
                constraint audit_entry_actor_kind check (actor_kind in ('STAFF', 'CUSTOMER', 'SYSTEM')),
                constraint audit_entry_visibility check (visibility in ('STAFF', 'ACCOUNT', 'ACCOUNT_WITH_NOTE'))
            )""";

    /** Newest first, per account (the account page and Activity) and overall (the trail page). */
    static final String[] INDEXES = {
            "create index audit_entry_account on audit_entry (account_id, seq)",
            "create index audit_entry_at on audit_entry (seq)"};

    static final String POSTGRES_TRIGGER = """
            create function audit_entry_append_only() returns trigger language plpgsql as $$
            begin
                raise exception 'audit entries are append-only: % refused', tg_op using errcode = '42501';
            end $$;
            create trigger audit_entry_append_only before update or delete on audit_entry
                for each row execute function audit_entry_append_only();
            create trigger audit_entry_no_truncate before truncate on audit_entry
                for each statement execute function audit_entry_append_only();
            """;

    static final String H2_TRIGGER = """
            create trigger audit_entry_append_only before update, delete on audit_entry for each row
                call "dev.billfold.audit.AppendOnlyTrigger"
            """;

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("18");
    }

    @Override
    public String getDescription() {
        return "audit trail";
    }

    @Override
    public Integer getChecksum() {
        return (TABLE + String.join(";", INDEXES) + POSTGRES_TRIGGER + H2_TRIGGER).hashCode();
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        String database = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        try (Statement statement = connection.createStatement()) {
            statement.execute(TABLE);
            for (String index : INDEXES) {
                statement.execute(index);
            }
            if (database.contains("postgres")) {
                statement.execute(POSTGRES_TRIGGER);
            } else if (database.contains("h2")) {
                statement.execute(H2_TRIGGER);
            } else {
                throw new SQLException("The audit trail's append-only trigger is written for PostgreSQL and H2 only, "
                        + "not " + database);
            }
        }
    }
}
