package dev.billfold.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * Vaadin sessions and UIs alive on this node (DD-084): a UI holds its component tree in the session's memory, so
 * these, not the HTTP request rate, say how much a node carries. Counted by Vaadin's own init and destroy events;
 * a UI ends when it is detached (closed, its tab gone past the heartbeat, or its session ended).
 */
@Component
class VaadinMeters implements VaadinServiceInitListener {

    static final String SESSIONS = "billfold.vaadin.sessions";
    static final String UIS = "billfold.vaadin.uis";

    private final AtomicInteger sessions = new AtomicInteger();
    private final AtomicInteger uis = new AtomicInteger();

    VaadinMeters(MeterRegistry registry) {
        Gauge.builder(SESSIONS, sessions, AtomicInteger::get).description("Vaadin sessions alive on this node")
                .register(registry);
        Gauge.builder(UIS, uis, AtomicInteger::get).description("Vaadin UIs (browser tabs) alive on this node")
                .register(registry);
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> sessions.incrementAndGet());
        event.getSource().addSessionDestroyListener(destroy -> sessions.decrementAndGet());
        event.getSource().addUIInitListener(init -> {
            uis.incrementAndGet();
            init.getUI().addDetachListener(detach -> uis.decrementAndGet());
        });
    }
}
