package dev.billfold.paymentmethod;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/** Looks for method changes of other nodes every {@link LiveUpdateProperties#interval()}; only delegates and logs. */
@Component
class MethodChangeRelayTrigger implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(MethodChangeRelayTrigger.class);

    private final MethodChanges changes;
    private final LiveUpdateProperties properties;

    MethodChangeRelayTrigger(MethodChanges changes, LiveUpdateProperties properties) {
        this.changes = changes;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::run, properties.interval());
    }

    void run() {
        try {
            changes.relayFromOtherNodes();
        } catch (RuntimeException e) {
            log.warn("Could not read the method changes of other nodes; open pages catch up at the next look", e);
        }
    }
}
