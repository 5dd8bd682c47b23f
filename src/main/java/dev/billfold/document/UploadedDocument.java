package dev.billfold.document;

import java.util.Objects;

/**
 * A file as the customer sent it: its name (shown to staff, never trusted for the type) and its bytes, at most
 * {@link #MAX_BYTES}. The upload component reads at most one byte more, so a larger file never fills the
 * heap.
 */
public record UploadedDocument(String fileName, byte[] content) {

    /** 10 MB, as the providers publish it. */
    public static final int MAX_BYTES = 10 * 1024 * 1024;

    public UploadedDocument {
        Objects.requireNonNull(fileName);
        Objects.requireNonNull(content);
    }
}
