package dev.billfold.document;

/** The files a customer may send in, told apart by their content, never by their name or the browser's word. */
public enum DocumentKind {
    PDF("application/pdf", "pdf"),
    PNG("image/png", "png"),
    JPEG("image/jpeg", "jpg");

    private final String contentType;
    private final String extension;

    DocumentKind(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }

    static DocumentKind ofContentType(String contentType) {
        for (DocumentKind kind : values()) {
            if (kind.contentType.equals(contentType)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("Not a document kind: " + contentType);
    }
}
