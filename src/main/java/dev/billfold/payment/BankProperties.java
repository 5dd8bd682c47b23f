package dev.billfold.payment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bank transfers.
 *
 * @param conditionalCreditDays days after a conditional credit before Finance may reverse it (DD-065)
 */
@ConfigurationProperties("billfold.bank")
public record BankProperties(@DefaultValue("14") int conditionalCreditDays) {

    public BankProperties {
        if (conditionalCreditDays < 1) {
            throw new IllegalArgumentException("billfold.bank.conditional-credit-days must be at least 1");
        }
    }
}
