package dev.billfold.payment.ui;

import static com.github.mvysny.kaributesting.v10.ElementUtilsKt._fireDomEvent;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.dom.DomEvent;
import com.vaadin.flow.internal.JacksonUtils;

/** The top-up view's preset buttons are markup in one element; a click on one arrives as the element's click event. */
final class Presets {

    private Presets() {
    }

    /** What the browser sends when the button with this data-amount (or a forged one) is clicked. */
    static void click(String dataAmount) {
        Div presets = _get(Div.class, spec -> spec.withId("presets"));
        var data = JacksonUtils.createObjectNode();
        data.put(TopUpView.PRESET_CLICKED, true);
        data.put(TopUpView.PRESET_AMOUNT, dataAmount);
        _fireDomEvent(presets.getElement(), new DomEvent(presets.getElement(), "click", data));
    }

    static String markup() {
        return _get(Div.class, spec -> spec.withId("presets")).getElement().getProperty("innerHTML");
    }
}
