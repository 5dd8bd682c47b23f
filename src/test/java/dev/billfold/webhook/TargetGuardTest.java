package dev.billfold.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billfold.base.InvalidRequestException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * SSRF (DD-076): what the guard refuses when an endpoint is saved and when a request is made, and that a refused
 * target is never called: the loopback receiver sees nothing, unless private targets are allowed. Redirects are never
 * followed.
 */
class TargetGuardTest {

    final WebhookReceiver receiver = WebhookReceiver.start();

    @AfterEach
    void stop() {
        receiver.close();
    }

    static WebhookProperties properties(boolean requireHttps, boolean allowPrivate) {
        return new WebhookProperties(requireHttps, allowPrivate, Duration.ofSeconds(2), 64,
                List.of(Duration.ofSeconds(5), Duration.ofMinutes(5)), 0.1, Duration.ofHours(24),
                Duration.ofHours(24), "-", Duration.ofMinutes(2), 100, 2, 10);
    }

    @Test
    void production_settings_refuse_plain_http_private_loopback_link_local_and_metadata_addresses_when_saved() {
        var guard = new TargetGuard(properties(true, false));
        assertThat(guard.checkUrl("https://hooks.example.com/billfold")).hasHost("hooks.example.com");
        for (String url : List.of("http://hooks.example.com/x", "ftp://hooks.example.com/x", "hooks.example.com",
                "https://127.0.0.1/x", "https://10.1.2.3/x", "https://192.168.0.10/x", "https://172.16.5.4/x",
                "https://169.254.169.254/latest/meta-data/", "https://[::1]/x", "https://[fd00:ec2::254]/x",
                "https://[::ffff:10.0.0.1]/x", "https://0.0.0.0/x", "https://100.64.0.1/x",
                "https://user:pw@hooks.example.com/x", "https://hooks.example.com/x#frag", "")) {
            assertThatThrownBy(() -> guard.checkUrl(url)).as(url).isInstanceOf(InvalidRequestException.class);
        }
        assertThatThrownBy(() -> guard.checkUrl("https://169.254.169.254/"))
                .hasMessageContaining("169.254.169.254").hasMessageContaining("allow-private-targets");
    }

    @Test
    void a_name_is_checked_at_connection_time_against_every_address_it_resolves_to() throws Exception {
        var guard = new TargetGuard(properties(false, false));
        assertThatThrownBy(() -> guard.lookup("localhost")).isInstanceOf(TargetGuard.RefusedTarget.class)
                .hasMessageContaining("localhost");
        assertThat(TargetGuard.forbidden(InetAddress.getByName("93.184.215.14"))).isFalse();
        assertThat(TargetGuard.forbidden(InetAddress.getByName("2606:2800:21f:cb07:6820:80da:af6b:8b2c"))).isFalse();
        assertThat(TargetGuard.forbidden(InetAddress.getByName("169.254.169.254"))).isTrue();
        assertThat(TargetGuard.forbidden(InetAddress.getByName("fe80::1"))).isTrue();
        assertThat(TargetGuard.forbidden(InetAddress.getByName("::ffff:127.0.0.1"))).isTrue();
        assertThat(new TargetGuard(properties(false, true)).lookup("localhost")).isNotEmpty();
    }

    @Test
    void the_sender_never_calls_a_refused_target_by_address_or_by_name_and_calls_it_when_private_targets_are_allowed() {
        var refusing = new WebhookSender(new TargetGuard(properties(false, false)), properties(false, false));
        var byAddress = refusing.send(URI.create(receiver.url("/ssrf")), "msg_1", 1, "v1,x", "{}", Instant.now());
        var byName = refusing.send(URI.create(receiver.urlByName("/ssrf")), "msg_2", 1, "v1,x", "{}", Instant.now());
        assertThat(byAddress.outcome()).isEqualTo(AttemptOutcome.BLOCKED);
        assertThat(byName.outcome()).isEqualTo(AttemptOutcome.BLOCKED);
        assertThat(byName.error()).contains("localhost");
        assertThat(receiver.at("/ssrf")).isEmpty();
        refusing.destroy();

        var allowing = new WebhookSender(new TargetGuard(properties(false, true)), properties(false, true));
        assertThat(allowing.send(URI.create(receiver.urlByName("/ssrf")), "msg_3", 1, "v1,x", "{}", Instant.now())
                .outcome()).isEqualTo(AttemptOutcome.DELIVERED);
        assertThat(receiver.at("/ssrf")).hasSize(1);
        allowing.destroy();
    }

    @Test
    void https_only_is_checked_again_at_send_time() {
        var sender = new WebhookSender(new TargetGuard(properties(true, true)), properties(true, true));
        var answer = sender.send(URI.create(receiver.url("/plain")), "msg_1", 1, "v1,x", "{}", Instant.now());
        assertThat(answer.outcome()).isEqualTo(AttemptOutcome.BLOCKED);
        assertThat(receiver.at("/plain")).isEmpty();
        sender.destroy();
    }

    @Test
    void a_redirect_is_not_followed_and_the_answer_is_read_only_up_to_the_cap() {
        receiver.script("/moved", WebhookReceiver.Reply.status(307, "Location", receiver.url("/elsewhere")));
        var sender = new WebhookSender(new TargetGuard(properties(false, true)), properties(false, true));
        var answer = sender.send(URI.create(receiver.url("/moved")), "msg_1", 1, "v1,x", "{}", Instant.now());
        assertThat(answer.outcome()).isEqualTo(AttemptOutcome.REFUSED);
        assertThat(answer.status()).isEqualTo(307);
        assertThat(answer.error()).contains("redirects are not followed");
        assertThat(receiver.at("/elsewhere")).isEmpty();
        sender.destroy();
    }

    @Test
    void retry_after_is_read_as_seconds_or_an_http_date() {
        Instant now = Instant.parse("2026-12-02T10:00:00Z");
        assertThat(WebhookSender.retryAfter("120", now)).isEqualTo(Duration.ofSeconds(120));
        assertThat(WebhookSender.retryAfter("Wed, 02 Dec 2026 10:05:00 GMT", now)).isEqualTo(Duration.ofMinutes(5));
        assertThat(WebhookSender.retryAfter("soon", now)).isNull();
        assertThat(WebhookSender.retryAfter(null, now)).isNull();
    }

    @Test
    void the_retry_schedule_is_standard_webhooks_with_jitter_and_ends() {
        var schedule = new WebhookProperties(true, false, Duration.ofSeconds(10), 64,
                List.of(Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(2),
                        Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(14), Duration.ofHours(20),
                        Duration.ofHours(24)), 0.1, Duration.ofHours(24), Duration.ofHours(24), "-",
                Duration.ofMinutes(2), 100, 2, 10);
        assertThat(schedule.waitAfter(1, 0.5)).contains(Duration.ofSeconds(5));
        assertThat(schedule.waitAfter(1, 0.0)).contains(Duration.ofMillis(4500));
        assertThat(schedule.waitAfter(1, 0.999999)).hasValueSatisfying(wait ->
                assertThat(wait).isBetween(Duration.ofMillis(5400), Duration.ofMillis(5500)));
        assertThat(schedule.waitAfter(9, 0.5)).contains(Duration.ofHours(24));
        assertThat(schedule.waitAfter(10, 0.5)).isEmpty();
        Duration total = Duration.ZERO;
        for (int i = 1; i <= 9; i++) {
            total = total.plus(schedule.waitAfter(i, 0.5).orElseThrow());
        }
        assertThat(total).as("about three days").isBetween(Duration.ofHours(75), Duration.ofHours(80));
    }
}
