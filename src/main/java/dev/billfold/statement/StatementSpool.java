package dev.billfold.statement;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An uploaded statement copied to a temporary file, never kept in memory, and refused as soon as it passes the
 * configured size: the rest is not read. Closing deletes the copy.
 */
final class StatementSpool implements AutoCloseable {

    private final Path file;
    private final long size;

    private StatementSpool(Path file, long size) {
        this.file = file;
        this.size = size;
    }

    static StatementSpool of(InputStream in, long maxBytes) {
        Path file = null;
        try {
            file = Files.createTempFile("billfold-statement-", ".upload");
            long size = 0;
            byte[] buffer = new byte[64 * 1024];
            try (OutputStream out = Files.newOutputStream(file)) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    size += read;
                    if (size > maxBytes) {
                        throw new StatementFileException("The file is larger than the limit of %s."
                                .formatted(megabytes(maxBytes)));
                    }
                    out.write(buffer, 0, read);
                }
            }
            if (size == 0) {
                throw new StatementFileException("The file is empty.");
            }
            return new StatementSpool(file, size);
        } catch (IOException e) {
            delete(file);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            delete(file);
            throw e;
        }
    }

    Path file() {
        return file;
    }

    long size() {
        return size;
    }

    @Override
    public void close() {
        delete(file);
    }

    private static void delete(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // A temporary file; the OS cleans its directory.
            }
        }
    }

    static String megabytes(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : bytes + " bytes";
    }
}
