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
        var state = new Paragraph(describe(current));
        state.setId("low-balance-state");
        var amount = new TextField("Threshold");
        amount.setId("low-balance-amount");
        amount.setMaxLength(MAX_AMOUNT);
        amount.setHelperText("Empty removes it.");
        current.ifPresent(threshold -> amount.setValue(threshold.value().toPlainString()));
        var save = new Button("Save threshold", e -> {
            String text = amount.getValue().strip();
            try {
                webhooks.setLowBalanceThreshold(account, text.isEmpty() ? null : parse(text));
                amount.setInvalid(false);
                state.setText(describe(webhooks.lowBalanceThreshold(account)));
            } catch (InvalidRequestException bad) {
                amount.setErrorMessage(bad.getMessage());
                amount.setInvalid(true);
            }
        });
        save.setId("low-balance-save");
        return Optional.of(new Div(new H3("Low-balance webhook"), state, new HorizontalLayout(amount, save)));
    }

    private static BigDecimal parse(String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException notANumber) {
            throw new InvalidRequestException("Enter an amount such as 50.00.");
        }
    }

    private static String describe(Optional<Money> threshold) {
        return threshold.map(money -> "balance.low fires when a debit takes the balance below " + money.format() + ".")
                .orElse("No threshold: balance.low is not sent for this account.");
    }
}
