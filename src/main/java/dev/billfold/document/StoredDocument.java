package dev.billfold.document;

/** A stored file for download: the name the customer gave, the kind its content proved, and the bytes. */
public record StoredDocument(String fileName, DocumentKind kind, byte[] content) {
}
