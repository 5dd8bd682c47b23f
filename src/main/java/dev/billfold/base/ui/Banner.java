package dev.billfold.base.ui;

import com.vaadin.flow.component.html.Div;

/**
 * The message a page shows above its content: a text and a kind, which the style sheet colours through
 * {@code data-kind} ("success", "error", or a status such as "credited"). Hidden until there is something to say.
 */
public class Banner extends Div {

    public static final String SUCCESS = "success";
    public static final String ERROR = "error";

    /** A hidden banner with the page's id (for tests and links) and its style class. */
    public Banner(String id, String styleClass) {
        setId(id);
        addClassName(styleClass);
        setVisible(false);
    }

    public void show(String text, String kind) {
        setText(text);
        getElement().setAttribute("data-kind", kind);
        setVisible(true);
    }

    public void hide() {
        setVisible(false);
    }
}
