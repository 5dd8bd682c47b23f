package dev.billfold.ui;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.communication.UidlRequestHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Flow keeps each UI's last response as a String, to resend it when a client repeats a message, so a session parked
 * on a page holds that page's whole navigation response (30 K characters for the top-up view). A large kept copy is
 * held deflated between requests (about a sixth of the size) and put back before Flow handles the next request of
 * that UI, the only place Flow reads it. A small one stays a String, with the characters beyond Latin-1 as JSON
 * escapes, so that Java stores it with one byte a character. What is sent is untouched (docs/performance.md, DD-041).
 */
@Component
class CompactRetainedResponses implements VaadinServiceInitListener {

    /** Below this a kept copy is not worth deflating: the response to a click is a few hundred characters. */
    static final int DEFLATE_FROM_CHARS = 2048;

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
            // Under the session lock here; the answer is written after it is released.
            UI ui = session.getService().findUI(request);
            if (ui == null) {
                return super.synchronizedHandleRequest(session, request, response, requestBody);
            }
            restore(ui);
            try {
                return super.synchronizedHandleRequest(session, request, response, requestBody);
            } finally {
                compact(ui);
            }
        }
    }

    /** Puts the kept copy back as Flow left it, so that a repeated message is answered with the very same text. */
    static void restore(UI ui) {
        DeflatedResponse kept = ComponentUtil.getData(ui, DeflatedResponse.class);
        if (kept != null) {
            ui.getInternals().setLastRequestResponse(kept.inflate());
            ComponentUtil.setData(ui, DeflatedResponse.class, null);
        }
    }

    static void compact(UI ui) {
        String kept = ui.getInternals().getLastRequestResponse();
        if (kept == null) {
            return;
        }
        if (kept.length() >= DEFLATE_FROM_CHARS) {
            ComponentUtil.setData(ui, DeflatedResponse.class, DeflatedResponse.of(kept));
            ui.getInternals().setLastRequestResponse(null);
            return;
        }
        String compact = latin1Json(kept);
        if (compact != kept) {
            ui.getInternals().setLastRequestResponse(compact);
        }
    }

    /** A kept response, deflated; serializable with the session. */
    record DeflatedResponse(byte[] bytes, int length) implements Serializable {

        static DeflatedResponse of(String text) {
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            Deflater deflater = new Deflater(Deflater.BEST_SPEED);
            try {
                deflater.setInput(utf8);
                deflater.finish();
                ByteArrayOutputStream out = new ByteArrayOutputStream(utf8.length / 4 + 64);
                byte[] buffer = new byte[8192];
                while (!deflater.finished()) {
                    out.write(buffer, 0, deflater.deflate(buffer));
                }
                return new DeflatedResponse(out.toByteArray(), utf8.length);
            } finally {
                deflater.end();
            }
        }

        String inflate() {
            Inflater inflater = new Inflater();
            try {
                inflater.setInput(bytes);
                byte[] utf8 = new byte[length];
                int read = 0;
                while (read < length && !inflater.finished()) {
                    read += inflater.inflate(utf8, read, length - read);
                }
                return new String(utf8, 0, read, StandardCharsets.UTF_8);
            } catch (DataFormatException e) {
                throw new IllegalStateException("A kept UIDL response could not be inflated", e);
            } finally {
                inflater.end();
            }
        }
    }

    /**
     * The same JSON with every character above U+00FF written as a JSON unicode escape (backslash, u, four hex digits),
     * or the argument itself when it has none. JSON's own syntax is ASCII, so such characters only occur inside string
     * literals, where the escape means the same character.
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
