package dev.billfold.ui;

import com.vaadin.flow.component.template.internal.DeprecatedPolymerPublishedEventHandler;
import com.vaadin.flow.di.Lookup;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinContext;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinServletContext;
import com.vaadin.flow.spring.security.VaadinRolePrefixHolder;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Flow's Spring lookup asks the application context and then scans the class path's service files on every call. Two
 * types are looked up on hot paths: {@link VaadinRolePrefixHolder} on every navigation (the role check) and
 * {@link DeprecatedPolymerPublishedEventHandler} for every argument of a client call (the grid's update
 * confirmations), which Billfold never has. Their answers cannot change while the application runs, so they are
 * looked up once; every other type goes to Flow's lookup as before. Under load the scans were about a tenth of the
 * request threads' CPU (docs/performance.md, capacity knee; DD-077).
 */
@Component
class CachedVaadinLookups implements VaadinServiceInitListener {

    static final Set<Class<?>> CACHED = Set.of(VaadinRolePrefixHolder.class,
            DeprecatedPolymerPublishedEventHandler.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        VaadinContext context = event.getSource().getContext();
        Lookup lookup = context.getAttribute(Lookup.class);
        // Flow lets its Lookup be set once, and refuses to replace it through the VaadinContext; the servlet context
        // attribute behind it is where Flow reads it from, so the decorator goes there (DD-077).
        if (context instanceof VaadinServletContext servlet && lookup != null && !(lookup instanceof Cached)) {
            servlet.getContext().setAttribute(Lookup.class.getName(), new Cached(lookup));
        }
    }

    /** Flow's lookup, with the answers for {@link #CACHED} kept after the first call. */
    record Cached(Lookup delegate, Map<Class<?>, Optional<Object>> answers) implements Lookup {

        Cached(Lookup delegate) {
            this(delegate, new ConcurrentHashMap<>());
        }

        @Override
        public <T> T lookup(Class<T> type) {
            if (!CACHED.contains(type)) {
                return delegate.lookup(type);
            }
            return type.cast(answers.computeIfAbsent(type, t -> Optional.ofNullable(delegate.lookup(t))).orElse(null));
        }

        @Override
        public <T> Collection<T> lookupAll(Class<T> type) {
            return delegate.lookupAll(type);
        }
    }
}
