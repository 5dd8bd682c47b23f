package dev.billfold.polling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A stop refuses new cycles; a start after it (a paused test context resumed, DD-081) runs them again. */
class BackgroundWorkTest {

    @Test
    void a_stopped_node_runs_no_cycle_and_a_restarted_one_runs_them_again() {
        BackgroundWork work = new BackgroundWork(Duration.ofSeconds(1));
        work.start();
        assertThat(work.run(() -> "ran")).isEqualTo("ran");

        work.stop();
        assertThat(work.stopping()).isTrue();
        assertThat(work.isRunning()).isFalse();
        assertThat(work.run(() -> "ran")).isNull();

        work.start();
        assertThat(work.stopping()).isFalse();
        assertThat(work.isRunning()).isTrue();
        assertThat(work.run(() -> "ran")).isEqualTo("ran");
    }
}
