package dev.billfold;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.billfold.base.TypedId;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

class PersistenceConfigTest {

    @Test
    void the_converters_know_every_typed_id_in_the_code_and_make_each_from_its_uuid() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(TypedId.class));
        var idTypes = scanner.findCandidateComponents("dev.billfold").stream()
                .map(definition -> definition.getBeanClassName()).collect(Collectors.toSet());

        assertThat(idTypes).hasSizeGreaterThanOrEqualTo(8);
        assertThat(PersistenceConfig.ID_TYPES.keySet().stream().map(Class::getName).collect(Collectors.toSet()))
                .isEqualTo(idTypes);
        UUID uuid = UUID.randomUUID();
        PersistenceConfig.ID_TYPES.forEach((type, make) -> {
            TypedId id = make.apply(uuid);
            assertThat(id).isInstanceOf(type);
            assertThat(id.value()).isEqualTo(uuid);
        });
    }

    @Test
    void postgresql_pools_rewrite_batched_inserts_unless_told_otherwise_and_h2_pools_are_left_alone() {
        var rewrite = PersistenceConfig.postgresBatchedInserts();
        try (var postgres = pool("jdbc:postgresql://db:5432/billfold");
             var explicit = pool("jdbc:postgresql://db:5432/billfold?reWriteBatchedInserts=false");
             var h2 = pool("jdbc:h2:mem:billfold;MODE=PostgreSQL")) {
            rewrite.postProcessBeforeInitialization(postgres, "dataSource");
            rewrite.postProcessBeforeInitialization(explicit, "dataSource");
            rewrite.postProcessBeforeInitialization(h2, "dataSource");

            assertThat(postgres.getDataSourceProperties()).containsEntry("reWriteBatchedInserts", "true");
            assertThat(explicit.getDataSourceProperties()).doesNotContainKey("reWriteBatchedInserts");
            assertThat(h2.getDataSourceProperties()).isEmpty();
        }
    }

    private static HikariDataSource pool(String url) {
        var pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        return pool;
    }
}
