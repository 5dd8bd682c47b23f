package dev.billfold.audit;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Which entries the back office lists. Every part is optional; the parts given all apply.
 *
 * @param accountNumber the account's number, exactly (blanks ignored), or null for every account
 * @param action        an action code, or its first dotted parts ({@code account.member}), or null for every action
 * @param actor         the start of the actor's name, user name or e-mail, case ignored, or null for anyone
 * @param from          the first day, inclusive, in {@code zone}, or null
 * @param to            the last day, inclusive, in {@code zone}, or null
 * @param zone          the time zone the days are in (the browser's on the page)
 */
public record AuditFilter(@Nullable String accountNumber, @Nullable String action, @Nullable String actor,
                          @Nullable LocalDate from, @Nullable LocalDate to, ZoneId zone) {

    public static final AuditFilter ALL = new AuditFilter(null, null);

    public AuditFilter {
        Objects.requireNonNull(zone);
        accountNumber = accountNumber == null || accountNumber.isBlank() ? null
                : accountNumber.replaceAll("\\s", "");
        action = action == null || action.isBlank() ? null : action.strip();
        actor = actor == null || actor.isBlank() ? null : actor.strip();
    }

    public AuditFilter(@Nullable String accountNumber, @Nullable String action) {
        this(accountNumber, action, null, null, null, ZoneOffset.UTC);
    }

    public static AuditFilter account(String accountNumber) {
        return new AuditFilter(accountNumber, null);
    }
}
