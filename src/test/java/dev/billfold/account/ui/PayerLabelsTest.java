package dev.billfold.account.ui;

import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import dev.billfold.TestData;
import dev.billfold.TestData.Customer;
import dev.billfold.account.PayerSummary;
import dev.billfold.base.ui.LightSelect;
import dev.billfold.language.Language;
import dev.billfold.language.ui.LanguageSwitcher;
import dev.billfold.ui.KaribuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The payers' types in the selects follow the page's language; the legal names stay as written. */
class PayerLabelsTest extends KaribuTest {

    @Autowired
    TestData data;

    @Test
    @SuppressWarnings("unchecked")
    void the_header_and_the_top_up_form_name_the_payer_type_in_the_page_s_language() {
        Customer customer = data.newCustomer("USD");
        signIn(customer.username());
        UI.getCurrent().navigate("");
        LightSelect<PayerSummary> header = _get(LightSelect.class, spec -> spec.withId("active-payer"));
        LightSelect<PayerSummary> form = _get(LightSelect.class, spec -> spec.withId("payer"));
        assertThat(header.getItemLabels()).contains("Pat Person (Individual)", "Pat Company Ltd (Company)");

        LanguageSwitcher language = _get(LanguageSwitcher.class, spec -> spec.withId("language"));
        _setValue(language, Language.RU);
        try {
            assertThat(header.getItemLabels()).contains("Pat Person (Физическое лицо)", "Pat Company Ltd (Компания)");
            assertThat(form.getItemLabels()).contains("Pat Person (Физическое лицо)");
        } finally {
            _setValue(language, Language.EN);
        }
        assertThat(form.getItemLabels()).contains("Pat Person (Individual)");
    }
}
