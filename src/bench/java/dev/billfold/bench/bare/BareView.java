package dev.billfold.bench.bare;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/** One button and the text it changes: each click is one UIDL round trip with one state change to send back. */
public class BareView extends Div {

    private int clicks;

    public BareView() {
        Span count = new Span("Clicked 0 times");
        count.setId("bare-count");
        Button button = new Button("Click me", event -> count.setText("Clicked " + ++clicks + " times"));
        button.setId("bare-button");
        add(button, count);
    }
}
