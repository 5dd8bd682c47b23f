package dev.billfold.audit;

import dev.billfold.base.TypedId;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What one audit entry says happened; who did it, with which role, when and from where the trail fills in itself.
 * Build it with {@link #of} and the withers: {@code AuditEvent.of("paymentmethod.removed", "Removed a saved method")
 * .account(accountId).subject(methodId).change("Visa •••• 4242", null)}.
 *
 * @param action     a stable code, lower case with dots, e.g. {@code account.member.role-changed}; never reworded
 * @param text       a short line for people, e.g. "Changed a member's role"
 * @param account    the account it concerns (an {@code AccountId}), or null
 * @param subject    the id of what was acted on (a method, a member's user, a payment), or null
 * @param before     the state before, as short text, or null
 * @param after      the state after, as short text, or null
 * @param note       a staff member's free text, or null
 * @param visibility who besides staff sees it; {@link Visibility#ACCOUNT} unless said otherwise
 */
public record AuditEvent(String action, String text, @Nullable TypedId account, @Nullable TypedId subject,
                         @Nullable String before, @Nullable String after, @Nullable String note,
                         Visibility visibility) {

    public static final int MAX_ACTION = 64;
    public static final int MAX_TEXT = 200;
    public static final int MAX_STATE = 300;
    public static final int MAX_NOTE = 2000;

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+");

    public AuditEvent {
        Objects.requireNonNull(action);
        Objects.requireNonNull(text);
        Objects.requireNonNull(visibility);
        if (action.length() > MAX_ACTION || !CODE.matcher(action).matches()) {
            throw new IllegalArgumentException("An audit action is a dotted lower-case code: " + action);
        }
        if (text.isBlank()) {
            throw new IllegalArgumentException("An audit entry needs a text");
        }
        // Recording never fails the caller's action for a long value: short texts are cut, with an ellipsis.
        text = cut(text.strip(), MAX_TEXT);
        before = cut(before, MAX_STATE);
        after = cut(after, MAX_STATE);
        note = cut(note, MAX_NOTE);
    }

    public static AuditEvent of(String action, String text) {
        return new AuditEvent(action, text, null, null, null, null, null, Visibility.ACCOUNT);
    }

    public AuditEvent account(@Nullable TypedId newAccount) {
        return new AuditEvent(action, text, newAccount, subject, before, after, note, visibility);
    }

    public AuditEvent subject(@Nullable TypedId newSubject) {
        return new AuditEvent(action, text, account, newSubject, before, after, note, visibility);
    }

    public AuditEvent change(@Nullable String newBefore, @Nullable String newAfter) {
        return new AuditEvent(action, text, account, subject, newBefore, newAfter, note, visibility);
    }

    public AuditEvent note(@Nullable String newNote) {
        return new AuditEvent(action, text, account, subject, before, after, newNote, visibility);
    }

    public AuditEvent visibleTo(Visibility newVisibility) {
        return new AuditEvent(action, text, account, subject, before, after, note, newVisibility);
    }

    /** Staff only: shorthand for {@code visibleTo(Visibility.STAFF)}. */
    public AuditEvent staffOnly() {
        return visibleTo(Visibility.STAFF);
    }

    private static @Nullable String cut(@Nullable String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        return stripped.length() <= max ? stripped : stripped.substring(0, max - 1) + "\u2026";
    }
}
