package dev.billfold;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.sql.DataSource;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A real PostgreSQL server (binaries from Maven Central, started once per test JVM) instead of H2. Import it into a
 * test class to run the same tests on PostgreSQL.
 */
@TestConfiguration(proxyBeanMethods = false)
public class PostgresTestConfig {

    private static EmbeddedPostgres server;

    static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                // Room for every cached context's pool: paused contexts keep theirs open.
                server = EmbeddedPostgres.builder().setServerConfig("max_connections", "400").start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }));
        }
        return server;
    }

    @Bean
    @Primary
    DataSource postgresDataSource() {
        var pooled = new com.zaxxer.hikari.HikariDataSource();
        pooled.setJdbcUrl(server().getJdbcUrl("postgres", "postgres"));
        pooled.setUsername("postgres");
        pooled.setMaximumPoolSize(40);
        // A pool holds only what it uses: Hikari's default keeps all 40 open per cached context.
        pooled.setMinimumIdle(2);
        pooled.setIdleTimeout(10_000);
        return pooled;
    }
}
