package dev.billfold.ui;

import static org.assertj.core.api.Assertions.assertThat;

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
}
