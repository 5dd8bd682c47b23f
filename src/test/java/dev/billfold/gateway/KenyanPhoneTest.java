package dev.billfold.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.MessageLocale;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class KenyanPhoneTest {

    @AfterEach
    void noPage() {
        MessageLocale.use(Optional::empty);
    }

    @Test
    void the_refusal_reads_in_swahili_on_a_swahili_page_and_stays_english_for_the_api() {
        MessageLocale.use(() -> Optional.of(Locale.of("sw")));
        InvalidRequestException refused = catchThrowableOfType(InvalidRequestException.class,
                () -> KenyanPhone.parse("12345"));

        assertThat(refused.getMessage()).isEqualTo(KenyanPhone.INVALID);
        assertThat(refused.getLocalizedMessage()).isEqualTo(
                "Weka namba ya simu ya mkononi ya Kenya, kwa mfano 0712 345 678 au +254 712 345 678.");
        assertThat(refused.field()).isEqualTo("phone");
    }


    @ParameterizedTest
    @CsvSource({
            "0712345678, 254712345678",
            "0712 345 678, 254712345678",
            "0112-345-678, 254112345678",
            "+254 712 345 678, 254712345678",
            "254712345678, 254712345678",
            "(0712) 345678, 254712345678",
            "+254112345678, 254112345678"})
    void the_ways_kenyans_write_a_mobile_number_are_normalised(String typed, String normalised) {
        assertThat(KenyanPhone.parse(typed).digits()).isEqualTo(normalised);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "0812345678", "071234567", "07123456789", "+255712345678", "712345678",
            "2540712345678", "07l2345678", "0712345678 ext 1", "+254 712 345 678 +254 712 345 678 +254"})
    void anything_else_is_refused_on_the_phone_field(String typed) {
        assertThatThrownBy(() -> KenyanPhone.parse(typed)).isInstanceOf(InvalidRequestException.class)
                .hasMessage(KenyanPhone.INVALID)
                .extracting(e -> ((InvalidRequestException) e).field()).isEqualTo("phone");
    }

    @Test
    void the_customer_sees_only_the_last_three_digits() {
        assertThat(new KenyanPhone("254712345678").masked()).endsWith("678").doesNotContain("712");
    }
}
