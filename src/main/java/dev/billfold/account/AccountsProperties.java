package dev.billfold.account;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param currencies the currencies a new account may keep its balance in: those the deployment has top-up limits and
 *                   adjustment bounds for. Anything else is refused when the account is created.
 */
@ConfigurationProperties("billfold.accounts")
record AccountsProperties(List<String> currencies) {

    AccountsProperties {
        currencies = currencies == null ? List.of() : List.copyOf(currencies);
    }
}
