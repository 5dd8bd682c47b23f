package dev.billfold.statement;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Picks the reader for a statement file by its first bytes and streams its entries. The file is a spooled copy on
 * disk (see {@link StatementSpool}), so it can be read twice: once to check all of it, once to import it.
 */
final class StatementParser {

    private StatementParser() {
    }

    /** Reads every entry of {@code file} into {@code sink}; a bad file throws {@link StatementFileException}. */
    static StatementFormat parse(Path file, EntrySink sink) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024)) {
            int first = firstSignificant(in);
            if (first == '<') {
                return CamtReader.read(in, sink);
            }
            if (first == '{' || first == ':') {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                    Mt940Reader.read(lines, sink);
                    return StatementFormat.MT940;
                }
            }
            throw new StatementFileException("The file is neither a camt.053, a camt.054 nor an MT940 statement.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first byte after a UTF-8 byte-order mark and white space; the stream is left just before it. */
    private static int firstSignificant(InputStream in) throws IOException {
        while (true) {
            in.mark(4);
            int b = in.read();
            if (b == 0xEF) {
                int b2 = in.read();
                int b3 = in.read();
                if (b2 == 0xBB && b3 == 0xBF) {
                    continue;
                }
                in.reset();
                return b;
            }
            if (b == ' ' || b == '\t' || b == '\r' || b == '\n') {
                continue;
            }
            in.reset();
            return b;
        }
    }
}
