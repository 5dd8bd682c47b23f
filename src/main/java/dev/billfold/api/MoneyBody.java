package dev.billfold.api;

import dev.billfold.base.Money;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** Money in the API: the amount as a decimal string, never a float, and its ISO 4217 currency. */
@Schema(name = "Money", description = "An amount as a decimal string and its currency, e.g. {\"value\":\"12.50\","
        + "\"currency\":\"USD\"}")
record MoneyBody(@Schema(example = "12.50", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String value,
                 @Schema(example = "USD", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String currency) {

    static MoneyBody of(Money money) {
        return new MoneyBody(money.value().toPlainString(), money.currencyCode());
    }
}
