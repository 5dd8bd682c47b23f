package dev.billfold.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.communication.UidlRequestHandler;
import java.io.IOException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Flow keeps each UI's last response as a String, to resend it when a client repeats a message. A single character
 * outside Latin-1 (the "•" of a card label) makes Java store that whole String as UTF-16, twice the bytes, and a
 * session parked on a page holds the page's full navigation response. The copy kept is rewritten with those
 * characters as JSON escapes: the same JSON for the client, half the memory on the server (docs/performance.md,
 * DD-041). What is sent now is untouched.
 */
@Component
class CompactRetainedResponses implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        // Handlers added here are asked before Flow's own, so this one answers every UIDL request.
        event.addRequestHandler(new Handler());
    }

    static final class Handler extends UidlRequestHandler {

        @Override
        public Optional<ResponseWriter> synchronizedHandleRequest(VaadinSession session, VaadinRequest request,
                                                                  VaadinResponse response, String requestBody)
                throws IOException {
            Optional<ResponseWriter> answer = super.synchronizedHandleRequest(session, request, response, requestBody);
            // Still under the session lock here; the answer is written after it is released.
            UI ui = session.getService().findUI(request);
            if (ui != null) {
                String kept = ui.getInternals().getLastRequestResponse();
                String compact = latin1Json(kept);
                if (compact != kept) {
                    ui.getInternals().setLastRequestResponse(compact);
                }
            }
            return answer;
        }
    }

    /**
     * The same JSON with every character above U+00FF written as a JSON unicode escape (backslash, u, four hex digits), or the argument itself when
     * it has none. JSON's own syntax is ASCII, so such characters only occur inside string literals, where the escape
     * means the same character.
     */
    static @Nullable String latin1Json(@Nullable String json) {
        if (json == null) {
            return null;
        }
        int first = 0;
        while (first < json.length() && json.charAt(first) <= 0xFF) {
            first++;
        }
        if (first == json.length()) {
            return json;
        }
        StringBuilder out = new StringBuilder(json.length() + 64);
        out.append(json, 0, first);
        for (int i = first; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c <= 0xFF) {
                out.append(c);
            } else {
                out.append("\\u");
                String hex = Integer.toHexString(c);
                out.append("0".repeat(4 - hex.length())).append(hex);
            }
        }
        return out.toString();
    }
}
