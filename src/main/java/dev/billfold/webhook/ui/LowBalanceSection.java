package dev.billfold.webhook.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import dev.billfold.account.AccountId;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.Money;
import dev.billfold.base.ui.Localized;
import dev.billfold.ops.ui.OpsAccountSection;
import dev.billfold.staff.StaffAccess;
import dev.billfold.webhook.WebhookEndpoints;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * The account's low-balance threshold for the {@code balance.low} webhook, on its back-office page, for Admins: set,
 * change or clear it (empty). Other staff do not see the section.
 */
@org.springframework.stereotype.Component
class LowBalanceSection implements OpsAccountSection {

    static final int MAX_AMOUNT = 32;

    private final WebhookEndpoints webhooks;

    LowBalanceSection(WebhookEndpoints webhooks) {
        this.webhooks = webhooks;
    }

    @Override
    public int position() {
        return 60;
    }

    @Override
    public Optional<Component> section(AccountId account) {
        Optional<Money> current;
        try {
            current = webhooks.lowBalanceThreshold(account);
        } catch (StaffAccess.StaffOnlyException notForThisRole) {
            return Optional.empty();
        }
        var state = new Paragraph();
        state.setText(describe(state, current));
        state.setId("low-balance-state");
        var amount = new TextField();
        Localized.bind(amount, amount::setLabel, "webhook.low-balance.threshold");
        amount.setId("low-balance-amount");
        amount.setMaxLength(MAX_AMOUNT);
        Localized.bind(amount, amount::setHelperText, "webhook.low-balance.threshold.helper");
        current.ifPresent(threshold -> amount.setValue(threshold.value().toPlainString()));
        var save = Localized.text(new Button(), "webhook.low-balance.save");
        save.addClickListener(e -> {
            String text = amount.getValue().strip();
            try {
                webhooks.setLowBalanceThreshold(account, text.isEmpty() ? null : parse(amount, text));
                amount.setInvalid(false);
                state.setText(describe(state, webhooks.lowBalanceThreshold(account)));
            } catch (InvalidRequestException bad) {
                amount.setErrorMessage(bad.getLocalizedMessage());
                amount.setInvalid(true);
            }
        });
        save.setId("low-balance-save");
        return Optional.of(new Div(Localized.text(new H3(), "webhook.low-balance.title"), state,
                new HorizontalLayout(amount, save)));
    }

    private static BigDecimal parse(Component field, String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException notANumber) {
            throw new InvalidRequestException(field.getTranslation("webhook.low-balance.not-a-number"));
        }
    }

    private static String describe(Component page, Optional<Money> threshold) {
        return threshold.map(money -> page.getTranslation("webhook.low-balance.set", money.format()))
                .orElseGet(() -> page.getTranslation("webhook.low-balance.none"));
    }
}
