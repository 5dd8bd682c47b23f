package dev.billfold.audit;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * H2's half of the append-only rule (the embedded default and the H2 tests): every UPDATE and DELETE of an audit
 * entry fails, as PostgreSQL's trigger makes it fail there. H2 creates it by name from the migration.
 */
public class AppendOnlyTrigger implements Trigger {

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("audit entries are append-only: " + (newRow == null ? "DELETE" : "UPDATE")
                + " refused", "42501");
    }
}
