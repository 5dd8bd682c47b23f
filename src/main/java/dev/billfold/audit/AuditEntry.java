package dev.billfold.audit;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One entry as staff read it: everything that was recorded. */
public record AuditEntry(AuditEntryId id, Instant at, ActorKind actorKind, @Nullable UUID actorUserId, String actorName,
                         String actorRole, @Nullable String clientAddress, String action, String text,
                         @Nullable UUID accountId, @Nullable String accountNumber, @Nullable UUID subjectId,
                         @Nullable String before, @Nullable String after, @Nullable String note,
                         Visibility visibility) {

    /** "Pat Person (customer)", "Olga Operator (Support, Finance)", "Billfold (system)". */
    public String actorLabel() {
        return actorName + " (" + actorRole + ")";
    }

    /** "on → off", "→ Visa •••• 4242", or empty when nothing was said. */
    public String changeLabel() {
        return change(before, after);
    }

    static String change(@Nullable String before, @Nullable String after) {
        if (before == null && after == null) {
            return "";
        }
        return (before == null ? "" : before + " ") + "\u2192" + (after == null ? "" : " " + after);
    }
}
