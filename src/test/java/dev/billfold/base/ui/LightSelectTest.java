package dev.billfold.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the browser is sent for the items and the value, and what it may send back. */
class LightSelectTest {

    private final LightSelect<String> select = new LightSelect<>();
    private final List<String> changes = new ArrayList<>();

    @BeforeEach
    void setUp() {
        MockVaadin.setup();
        UI.getCurrent().add(select);
        select.setItemLabelGenerator(item -> "Pay in " + item);
        select.setItems(List.of("USD", "KZT"));
        select.addValueChangeListener(event -> changes.add(event.getValue() + " from client " + event.isFromClient()));
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    @Test
    void the_browser_gets_the_labels_and_positions_and_the_value_as_a_position() {
        select.setValue("KZT");

        assertThat(select.getElement().getPropertyRaw("items").toString())
                .isEqualTo("[{\"label\":\"Pay in USD\",\"value\":\"0\"},{\"label\":\"Pay in KZT\",\"value\":\"1\"}]");
        assertThat(select.getElement().getProperty("value")).isEqualTo("1");
        assertThat(select.getItemLabels()).containsExactly("Pay in USD", "Pay in KZT");
    }

    @Test
    void a_choice_in_the_browser_is_the_item_at_its_position() {
        fromBrowser("1");

        assertThat(select.getValue()).isEqualTo("KZT");
        assertThat(changes).containsExactly("KZT from client true");
    }

    @Test
    void a_tampered_position_is_no_item() {
        select.setValue("USD");
        changes.clear();

        for (String tampered : List.of("7", "-1", "1e3", "99999999999999", "USD")) {
            fromBrowser(tampered);
            assertThat(select.getValue()).as(tampered).isNull();
        }
    }

    @Test
    void new_items_keep_the_value_when_it_is_among_them_and_drop_it_otherwise() {
        select.setValue("KZT");

        select.setItems(List.of("KZT", "UZS"));
        assertThat(select.getValue()).isEqualTo("KZT");
        assertThat(select.getElement().getProperty("value")).isEqualTo("0");

        select.setItems(List.of("UZS"));
        assertThat(select.getValue()).isNull();
    }

    @Test
    void new_labels_are_sent_again() {
        select.setItemLabelGenerator(item -> "Оплатить в " + item);

        assertThat(select.getElement().getPropertyRaw("items").toString()).contains("Оплатить в KZT");
    }

    private void fromBrowser(String position) {
        // What Flow does with a synchronised property change from the client
        select.getElement().getNode().getFeature(com.vaadin.flow.internal.nodefeature.ElementPropertyMap.class)
                .setProperty("value", position, false);
    }
}
