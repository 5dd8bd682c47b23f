package dev.billfold.base.ui;

/**
 * Text put into markup that the client renders (innerHTML), for the few places that hold HTML instead of components.
 */
public final class Markup {

    private Markup() {
    }

    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
