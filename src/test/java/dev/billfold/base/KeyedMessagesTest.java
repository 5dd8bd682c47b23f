package dev.billfold.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A service's refusal from the bundles: English for the API and the logs, the page's language in the UI. */
class KeyedMessagesTest {

    @AfterEach
    void noPage() {
        MessageLocale.use(Optional::empty);
    }

    @Test
    void the_message_is_english_and_the_localized_message_follows_the_pages_language_money_and_hints_included() {
        var hint = new Texts.Message("errors.amount.range", Money.of("500", "KZT"), Money.of("5000000", "KZT"));
        var refusal = InvalidRequestException.keyed("amount", "errors.amount.below-minimum", Money.of("500", "KZT"),
                hint);

        assertThat(refusal.getMessage())
                .isEqualTo("The minimum top-up is KZT 500.00. Enter between KZT 500.00 and KZT 5,000,000.00.");
        assertThat(refusal.getLocalizedMessage()).isEqualTo(refusal.getMessage());
        assertThat(refusal.field()).isEqualTo("amount");

        MessageLocale.use(() -> Optional.of(Locale.of("kk")));
        assertThat(refusal.getLocalizedMessage()).isEqualTo("Ең аз толтыру — 500,00\u00A0₸. "
                + "500,00\u00A0₸ мен 5\u00A0000\u00A0000,00\u00A0₸ аралығындағы соманы енгізіңіз.");
        assertThat(refusal.getMessage()).startsWith("The minimum top-up is");
    }

    @Test
    void plurals_in_refusals_follow_the_language() {
        var decimals = InvalidRequestException.keyed("amount", "errors.amount.decimals", "USD", 2);
        assertThat(decimals.getMessage()).isEqualTo("USD amounts have at most 2 decimal places.");

        MessageLocale.use(() -> Optional.of(Locale.of("ru")));
        assertThat(decimals.getLocalizedMessage()).isEqualTo("В суммах в USD не больше 2 знаков после запятой.");
        assertThat(InvalidRequestException.keyed("amount", "errors.amount.decimals", "KWD", 3).getLocalizedMessage())
                .isEqualTo("В суммах в KWD не больше 3 знаков после запятой.");
    }

    @Test
    void a_refusal_nested_in_another_is_translated_with_it() {
        var limit = InvalidRequestException.keyed("amount", "errors.amount.above-maximum", Money.of("100", "USD"),
                new Texts.Message("errors.amount.range", Money.of("1", "USD"), Money.of("100", "USD")));
        var quoted = InvalidRequestException.keyed("amount", "errors.quote.equivalent", Money.of("1300000", "UZS"),
                Money.of("101.50", "USD"), limit.asArgument());

        assertThat(quoted.getMessage()).isEqualTo("UZS 1,300,000.00 is $101.50. The maximum top-up is $100.00 per "
                + "payment. Enter between $1.00 and $100.00.");
        MessageLocale.use(() -> Optional.of(Locale.of("uz")));
        assertThat(quoted.getLocalizedMessage()).startsWith("1\u00A0300\u00A0000,00\u00A0soʻm — bu ")
                .contains("Bir toʻlovda eng koʻp toʻldirish");
        assertThat(new InvalidRequestException("amount", "Not in the bundles.").getLocalizedMessage())
                .isEqualTo("Not in the bundles.");
    }
}
