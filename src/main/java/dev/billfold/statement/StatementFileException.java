package dev.billfold.statement;

import dev.billfold.base.InvalidRequestException;

/** A statement file that cannot be read: the message says why, for staff, and nothing was written. */
class StatementFileException extends InvalidRequestException {

    StatementFileException(String message) {
        super("file", message);
    }
}
