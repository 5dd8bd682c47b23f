package dev.billfold.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class CompactRetainedResponsesTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void characters_beyond_latin1_become_escapes_and_the_json_means_the_same() {
        String original = "{\"label\":\"Visa •••• 4242, 12/29\",\"amount\":\"₸ 500 · Müller\",\"emoji\":\"pay 💳\","
                + "\"quote\":\"a \\\"quoted\\\" \\\\ path\",\"n\":[1,2.5,null,true]}";

        String compact = CompactRetainedResponses.latin1Json(original);

        assertThat(compact).isNotSameAs(original);
        assertThat(compact.chars()).allMatch(c -> c <= 0xFF);
        assertThat(compact).contains("\\u2022\\u2022\\u2022\\u2022").contains("Müller").contains("\\u20b8")
                .contains("\\ud83d\\udcb3");
        assertThat(json.readTree(compact)).isEqualTo(json.readTree(original));
    }

    @Test
    void latin1_json_is_kept_as_it_is() {
        String original = "{\"name\":\"Morgan Web Studio · Owner\",\"ok\":true}";

        assertThat(CompactRetainedResponses.latin1Json(original)).isSameAs(original);
        assertThat(CompactRetainedResponses.latin1Json(null)).isNull();
    }

    @Test
    void a_large_kept_response_is_held_deflated_and_put_back_exactly() {
        UI ui = new UI();
        String navigation = "{\"changes\":[" + "{\"node\":7,\"type\":\"put\",\"key\":\"text\",\"value\":\"Visa •••• 4242 💳\"},".repeat(200)
                + "{}],\"syncId\":3}";
        ui.getInternals().setLastRequestResponse(navigation);

        CompactRetainedResponses.compact(ui);

        assertThat(ui.getInternals().getLastRequestResponse()).isNull();
        var kept = com.vaadin.flow.component.ComponentUtil.getData(ui, CompactRetainedResponses.DeflatedResponse.class);
        assertThat(kept.bytes().length).isLessThan(navigation.length() / 4);

        CompactRetainedResponses.restore(ui);

        assertThat(ui.getInternals().getLastRequestResponse()).isEqualTo(navigation);
        assertThat(com.vaadin.flow.component.ComponentUtil.getData(ui, CompactRetainedResponses.DeflatedResponse.class)).isNull();
    }

    @Test
    void a_small_kept_response_stays_a_string_in_latin1() {
        UI ui = new UI();
        String click = "{\"changes\":[{\"node\":9,\"type\":\"put\",\"key\":\"value\",\"value\":\"•• 100.00\"}]}";
        ui.getInternals().setLastRequestResponse(click);

        CompactRetainedResponses.compact(ui);
        CompactRetainedResponses.restore(ui);

        assertThat(ui.getInternals().getLastRequestResponse()).contains("\\u2022\\u2022 100.00");
        assertThat(json.readTree(ui.getInternals().getLastRequestResponse())).isEqualTo(json.readTree(click));
    }
}
