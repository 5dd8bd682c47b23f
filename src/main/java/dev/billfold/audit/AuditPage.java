package dev.billfold.audit;

import java.util.List;

/** One page of entries, newest first; {@code hasMore} tells whether an older page exists. */
public record AuditPage(List<AuditEntry> entries, int page, boolean hasMore) {

    public AuditPage {
        entries = List.copyOf(entries);
    }
}
