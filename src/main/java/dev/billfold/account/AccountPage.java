package dev.billfold.account;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One page of accounts, by account number; {@code next} is the cursor of the page after, or null at the end. */
public record AccountPage(List<ProvisionedAccount> items, @Nullable String next) {
}
