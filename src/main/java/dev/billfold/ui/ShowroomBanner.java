package dev.billfold.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import dev.billfold.base.ui.Showroom;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * In a showroom, every page says that no real money moves. The notice is written into the page's HTML as it is
 * served, outside Flow's component tree, so it is on every route (the sign-in page too) and costs no session state.
 */
@Component
@ConditionalOnBooleanProperty(Showroom.PROPERTY)
class ShowroomBanner implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(response -> response.getDocument().body()
                .prependElement("div")
                .id("showroom-banner")
                .addClass("showroom-banner")
                .attr("role", "status")
                .text(Showroom.NOTICE));
    }
}
