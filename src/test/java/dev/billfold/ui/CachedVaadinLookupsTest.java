package dev.billfold.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.template.internal.DeprecatedPolymerPublishedEventHandler;
import com.vaadin.flow.di.Lookup;
import com.vaadin.flow.spring.security.VaadinRolePrefixHolder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;

class CachedVaadinLookupsTest {

    private final List<Class<?>> asked = new ArrayList<>();
    private final VaadinRolePrefixHolder holder = new VaadinRolePrefixHolder("ROLE_");

    private final Lookup flow = new Lookup() {
        @Override
        public <T> T lookup(Class<T> type) {
            asked.add(type);
            return type == VaadinRolePrefixHolder.class ? type.cast(holder) : null;
        }

        @Override
        public <T> Collection<T> lookupAll(Class<T> type) {
            asked.add(type);
            return List.of();
        }
    };

    @Test
    void the_hot_types_are_asked_of_flow_once_found_or_not_and_every_other_type_every_time() {
        var cached = new CachedVaadinLookups.Cached(flow);

        for (int i = 0; i < 3; i++) {
            assertThat(cached.lookup(VaadinRolePrefixHolder.class)).isSameAs(holder);
            assertThat(cached.lookup(DeprecatedPolymerPublishedEventHandler.class)).isNull();
            assertThat(cached.lookup(String.class)).isNull();
            assertThat(cached.lookupAll(VaadinRolePrefixHolder.class)).isEmpty();
        }

        assertThat(asked).filteredOn(VaadinRolePrefixHolder.class::equals).hasSize(1 + 3);
        assertThat(asked).filteredOn(DeprecatedPolymerPublishedEventHandler.class::equals).hasSize(1);
        assertThat(asked).filteredOn(String.class::equals).hasSize(3);
    }
}
