package dev.billfold.audit;

import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * V26.1: the audit trail knows API clients (DD-073) as actors of their own. With the table's own migration (V18, a Java
 * one), so that whoever migrates the SQL files alone never meets a table that is not there.
 */
@Component
class AuditApiActorMigration implements JavaMigration {

    static final String[] STATEMENTS = {
            "alter table audit_entry drop constraint audit_entry_actor_kind",
            "alter table audit_entry add constraint audit_entry_actor_kind"
                    + " check (actor_kind in ('STAFF', 'CUSTOMER', 'SYSTEM', 'API'))"};

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("26.1");
    }

    @Override
    public String getDescription() {
        return "audit trail api actors";
    }

    @Override
    public Integer getChecksum() {
        return String.join(";", STATEMENTS).hashCode();
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        try (Statement statement = context.getConnection().createStatement()) {
            for (String sql : STATEMENTS) {
                statement.execute(sql);
            }
        }
    }
}
