package dev.billfold.apikey.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireConfirm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouterLink;
import dev.billfold.TestData;
import dev.billfold.apikey.ApiKeyRow;
import dev.billfold.security.ApiScope;
import dev.billfold.staff.StaffRole;
import dev.billfold.ui.KaribuTest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An Admin creates an API key, sees it once, finds only its first characters in the list, and revokes it. */
class OpsApiKeysViewTest extends KaribuTest {

    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;

    @Test
    void an_admin_creates_a_key_sees_it_once_and_the_database_keeps_only_its_hash() throws Exception {
        signInStaff(data.newStaffUser(), StaffRole.ADMIN);
        UI.getCurrent().navigate(OpsApiKeysView.class);
        assertThat(_get(RouterLink.class, spec -> spec.withId("ops-nav-api-keys")).getElement()
                .getTextRecursively()).isEqualTo("API keys");
        assertThat(_find(Span.class, spec -> spec.withId("ops-nav-api-keys-count"))).as("a page, not a queue")
                .isEmpty();
        String name = "CRM sync " + UUID.randomUUID();
        _get(TextField.class, spec -> spec.withId("api-key-name")).setValue(name);
        @SuppressWarnings("unchecked")
        CheckboxGroup<ApiScope> scopes = _get(CheckboxGroup.class, spec -> spec.withId("api-key-scopes"));
        scopes.setValue(Set.of(ApiScope.READ, ApiScope.WRITE_ACCOUNTS));
        _get(TextArea.class, spec -> spec.withId("api-key-ip-ranges")).setValue("203.0.113.0/24, 2001:db8::1");
        _click(_get(Button.class, spec -> spec.withId("api-key-create")));

        assertThat(_get(Div.class, spec -> spec.withId("api-key-secret-box")).isVisible()).isTrue();
        String secret = _get(TextField.class, spec -> spec.withId("api-key-secret")).getValue();
        assertThat(secret).startsWith("bfk_test_").hasSize(9 + 43);
        var stored = jdbc.sql("select hint, secret_hash, scopes, ip_ranges from api_key where name = ?").param(name)
                .query().singleRow();
        assertThat(stored.get("secret_hash")).isEqualTo(sha256(secret));
        assertThat(stored.get("hint").toString()).isEqualTo(secret.substring(0, 15));
        assertThat(stored.get("scopes")).isEqualTo("read accounts:write");
        assertThat(stored.get("ip_ranges")).isEqualTo("203.0.113.0/24 2001:db8:0:0:0:0:0:1/128");
        assertThat(jdbc.sql("select count(*) from api_key where secret_hash = ? or hint = ?")
                .params(secret, secret).query(Integer.class).single()).as("the key itself is stored nowhere").isZero();

        _click(_get(Button.class, spec -> spec.withId("api-key-secret-done")));
        assertThat(_find(Div.class, spec -> spec.withId("api-key-secret-box"))).isEmpty();
        UI.getCurrent().navigate(OpsApiKeysView.class);
        assertThat(_find(Div.class, spec -> spec.withId("api-key-secret-box"))).as("shown once").isEmpty();
        assertThat(_find(TextField.class, spec -> spec.withId("api-key-secret"))).isEmpty();
        int row = rowOf(name);
        assertThat(GridKt._getFormattedRow(grid(), row)).contains(secret.substring(0, 15) + "\u2026")
                .noneMatch(cell -> cell.contains(secret));
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'apikey.created' and text like ?")
                .param("%" + name + "%").query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void bad_input_shows_a_message_on_the_field_and_creates_nothing() {
        signInStaff(data.newStaffUser(), StaffRole.ADMIN);
        UI.getCurrent().navigate(OpsApiKeysView.class);
        int before = keys();
        _click(_get(Button.class, spec -> spec.withId("api-key-create")));
        assertThat(_get(TextField.class, spec -> spec.withId("api-key-name")).isInvalid()).isTrue();

        _get(TextField.class, spec -> spec.withId("api-key-name")).setValue("Bad ranges " + UUID.randomUUID());
        _get(TextArea.class, spec -> spec.withId("api-key-ip-ranges")).setValue("10.0.0.0/33");
        _click(_get(Button.class, spec -> spec.withId("api-key-create")));
        TextArea ranges = _get(TextArea.class, spec -> spec.withId("api-key-ip-ranges"));
        assertThat(ranges.isInvalid()).isTrue();
        assertThat(ranges.getErrorMessage()).contains("10.0.0.0/33");
        assertThat(_find(Div.class, spec -> spec.withId("api-key-secret-box"))).isEmpty();
        assertThat(keys()).isEqualTo(before);
    }

    @Test
    void revoking_asks_first_and_then_marks_the_key_revoked() {
        signInStaff(data.newStaffUser(), StaffRole.ADMIN);
        UI.getCurrent().navigate(OpsApiKeysView.class);
        String name = "Old panel " + UUID.randomUUID();
        _get(TextField.class, spec -> spec.withId("api-key-name")).setValue(name);
        _click(_get(Button.class, spec -> spec.withId("api-key-create")));

        int row = rowOf(name);
        _click(_get(GridKt._getCellComponent(grid(), row, "status"), Button.class,
                spec -> spec.withClasses("api-key-revoke")));
        _fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("confirm-revoke")));
        assertThat(jdbc.sql("select revoked_at is not null from api_key where name = ?").param(name)
                .query(Boolean.class).single()).isTrue();
        assertThat(GridKt._getCellComponent(grid(), rowOf(name), "status").getElement().getTextRecursively())
                .startsWith("Revoked");
    }

    @Test
    void support_and_finance_cannot_open_the_page() {
        String staff = data.newStaffUser();
        signInStaff(staff, StaffRole.SUPPORT, StaffRole.FINANCE);
        assertThatThrownBy(() -> UI.getCurrent().navigate(OpsApiKeysView.class))
                .isInstanceOf(MockAccessDeniedException.class);
        assertThat(_find(Grid.class, spec -> spec.withId("api-keys-grid"))).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private Grid<ApiKeyRow> grid() {
        return _get(Grid.class, spec -> spec.withId("api-keys-grid"));
    }

    private int rowOf(String name) {
        Grid<ApiKeyRow> grid = grid();
        for (int i = 0; i < GridKt._size(grid); i++) {
            if (GridKt._get(grid, i).name().equals(name)) {
                return i;
            }
        }
        throw new AssertionError("No row for " + name);
    }

    private int keys() {
        return jdbc.sql("select count(*) from api_key").query(Integer.class).single();
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
