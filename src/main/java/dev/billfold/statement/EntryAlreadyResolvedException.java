package dev.billfold.statement;

import dev.billfold.base.InvalidRequestException;

/** Someone else resolved the entry first; the message says who and how. */
public class EntryAlreadyResolvedException extends InvalidRequestException {

    private final EntryResult entry;

    EntryAlreadyResolvedException(EntryResult entry) {
        super("Already resolved: " + entry.resolutionText());
        this.entry = entry;
    }

    public EntryResult entry() {
        return entry;
    }
}
