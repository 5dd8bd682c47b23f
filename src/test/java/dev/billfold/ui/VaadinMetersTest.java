package dev.billfold.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The gauges of Vaadin sessions and UIs alive follow Vaadin's own events: a UI and its session end together. */
class VaadinMetersTest extends KaribuTest {

    @Autowired
    MeterRegistry registry;

    @Test
    void a_ui_and_its_session_are_counted_while_alive_and_no_longer_once_they_end() {
        double uis = gauge(VaadinMeters.UIS);
        double sessions = gauge(VaadinMeters.SESSIONS);
        assertThat(uis).isGreaterThanOrEqualTo(1);
        assertThat(sessions).isGreaterThanOrEqualTo(1);

        MockVaadin.tearDown();
        assertThat(gauge(VaadinMeters.UIS)).isEqualTo(uis - 1);
        assertThat(gauge(VaadinMeters.SESSIONS)).isEqualTo(sessions - 1);

        setUpVaadin();
        assertThat(gauge(VaadinMeters.UIS)).isEqualTo(uis);
        assertThat(gauge(VaadinMeters.SESSIONS)).isEqualTo(sessions);
    }

    private double gauge(String name) {
        return registry.get(name).gauge().value();
    }
}
