package dev.billfold.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billfold.bench.UidlClient;
import dev.billfold.bench.UidlProtocol;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * A browser that never got an answer sends the same UIDL message again, and Flow answers with the response it kept.
 * Billfold keeps that copy deflated or in Latin-1 (DD-041); this speaks the protocol to the production jar and checks
 * that the repeated message gets the same answer as the first, for a navigation (kept deflated) and for a click (kept
 * as a string), and that the UI goes on working afterwards. The protocol is spoken by the benchmarks' client,
 * {@link UidlClient}.
 */
class RetainedResponseResendE2E {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static ProductionServer server;

    @BeforeAll
    static void start() {
        server = ProductionServer.start("resend", List.of(), List.of("--logging.level.root=WARN"));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void a_repeated_message_is_answered_with_the_same_response() {
        var client = new UidlClient(UidlClient.newHttpClient(), server.baseUrl(), Duration.ofSeconds(30), 0);
        client.signIn("demo", "demo");

        String navigation = client.openUi("");
        assertThat(navigation).contains("\"presets\"").contains("4242");
        assertThat(navigation.length()).as("large enough to be kept deflated (from 2,048 characters)").isGreaterThan(2048);
        String navigationAgain = client.resendLast();
        assertThat(navigationAgain).isEqualTo(navigation);

        String click = client.clickPreset();
        assertThat(click).contains("100.00");
        String clickAgain = client.resendLast();
        assertThat(JSON.readTree(clickAgain)).isEqualTo(JSON.readTree(click));

        // the UI is in step after the repeats: the next message is processed as new
        assertThat(client.run(UidlProtocol.Interaction.OPEN_HISTORY)).contains("\"history-grid\"");
    }
}
