package dev.billfold.audit;

import org.jspecify.annotations.Nullable;

/**
 * Which entries the back office lists: all of them, or one account's (by its number), or one action code's.
 *
 * @param accountNumber the account's number, exactly (blanks ignored), or null for every account
 * @param action        an action code, exactly, or null for every action
 */
public record AuditFilter(@Nullable String accountNumber, @Nullable String action) {

    public static final AuditFilter ALL = new AuditFilter(null, null);

    public AuditFilter {
        accountNumber = accountNumber == null || accountNumber.isBlank() ? null
                : accountNumber.replaceAll("\\s", "");
        action = action == null || action.isBlank() ? null : action.strip();
    }

    public static AuditFilter account(String accountNumber) {
        return new AuditFilter(accountNumber, null);
    }
}
