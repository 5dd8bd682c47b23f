package dev.billfold.statement;

/** Where a parser hands each entry, one at a time, so that no reader keeps a file's entries. */
@FunctionalInterface
interface EntrySink {

    void accept(StatementEntry entry);
}
