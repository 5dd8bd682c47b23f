package dev.billfold.paymentmethod;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.MessageLocale;
import dev.billfold.base.Texts;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A method's state inside a refusal is named in the refusal's language, and stays English for the API. */
class MethodStateRefusalsTest {

    @AfterEach
    void noPage() {
        MessageLocale.use(Optional::empty);
    }

    @Test
    void an_expired_method_that_cannot_be_charged_is_named_so_in_russian_and_in_english() {
        MessageLocale.use(() -> Optional.of(Locale.of("ru")));
        var refused = InvalidRequestException.keyed("method", "errors.method.not-chargeable",
                new Texts.Message("errors.method.status-word." + PaymentMethodStatus.EXPIRED.name()));

        assertThat(refused.getMessage()).isEqualTo("That payment method is expired and cannot be charged.");
        assertThat(refused.getLocalizedMessage()).isEqualTo("Этот способ оплаты истёк, с него нельзя списать.");
    }
}
