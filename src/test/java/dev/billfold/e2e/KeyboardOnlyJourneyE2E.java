package dev.billfold.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The keyboard-only journey of issue 21 (WCAG 2.1.1, 2.4.3, 2.4.7): sign in, top up with a preset through the demo
 * checkout and come back to the history with Tab, arrows, Space and Enter alone. Every page counts the pointer
 * events it sees, which must stay none; every element Tab reaches must show that it has the focus and be on screen;
 * and the top-up page is reached in reading order: the header, the menu, then the amount, the presets below it, the
 * method and the pay button.
 */
@ExtendWith(BrowserExtension.class)
class KeyboardOnlyJourneyE2E {

    /** Tab presses allowed to reach one element: the header and the menu come first on every page. */
    private static final int MAX_TABS = 60;

    /** What has the focus, looked for through shadow roots, and whether it shows it. */
    private static final String FOCUSED = """
            () => {
              let el = document.activeElement;
              while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
              if (!el || el === document.body) return { id: '', ids: [], name: '', tag: 'body', visible: false,
                                                       onScreen: false };
              const ids = [];
              let ring = false;
              for (let at = el; at; at = at.parentElement || (at.getRootNode && at.getRootNode().host) || null) {
                if (at.id) ids.push(at.id);
                if (at.hasAttribute && at.hasAttribute('focus-ring')) ring = true;
              }
              const style = getComputedStyle(el);
              ring = ring || (el.matches(':focus-visible')
                  && (style.outlineStyle !== 'none' || style.boxShadow !== 'none'));
              const box = el.getBoundingClientRect();
              const named = ids.find(id => !/-\\d+$/.test(id)) || '';
              return { id: named, ids: ids, name: el.name || '', tag: el.tagName.toLowerCase(), visible: ring,
                       onScreen: box.width > 0 && box.height > 0 };
            }""";

    private static final String COUNT_POINTER_EVENTS = """
            window.__pointerEvents = 0;
            for (const type of ['pointerdown', 'mousedown', 'mouseup', 'pointerup', 'mousemove']) {
              window.addEventListener(type, () => window.__pointerEvents++, true);
            }""";

    @Test
    void sign_in_top_up_with_a_preset_through_the_demo_checkout_and_back_to_the_history_by_keyboard_alone(Page page) {
        page.context().addInitScript(COUNT_POINTER_EVENTS);
        List<String> focusOrder = new ArrayList<>();

        page.navigate("/login");
        page.waitForSelector("vaadin-login-form");
        tabTo(page, "username", focusOrder);
        page.keyboard().type("demo");
        tabTo(page, "password", focusOrder);
        page.keyboard().type("demo");
        noPointerEvents(page);
        page.keyboard().press("Enter");
        page.waitForURL(url -> !url.contains("/login"));
        assertThat(page.locator("#balance")).isVisible();

        focusOrder.clear();
        tabTo(page, "amount", focusOrder);
        tabTo(page, "preset-100", focusOrder);
        page.keyboard().press("Enter");
        assertThat(page.locator("#amount input")).hasValue(java.util.regex.Pattern.compile("^100(\\.00)?$"));
        tabTo(page, "method", focusOrder);
        for (int step = 0; step < 6 && !checkedMethod(page).contains(Portal.DEMO_CHECKOUT); step++) {
            page.keyboard().press("ArrowDown");
        }
        assertThat(page.locator("#method vaadin-radio-button[checked]")).hasText(Portal.DEMO_CHECKOUT);
        tabTo(page, "pay", focusOrder);
        // the header, then the menu, then the form in the order it reads: the amount, the presets below it, the method
        assertThat(focusOrder).containsSubsequence("language", "drawer-menu", "amount", "presets", "method", "pay");
        System.out.println("Keyboard focus order on the top-up page: " + focusOrder);
        noPointerEvents(page);
        page.keyboard().press("Enter");
        page.waitForURL(java.util.regex.Pattern.compile(".*/demo-gateway/checkout/cs_demo_[^/?#]+$"));

        tabTo(page, "pay", new ArrayList<>());
        noPointerEvents(page);
        page.keyboard().press("Enter");
        new Portal(page).awaitHistoryWithPayment();

        assertThat(page.locator("#payment-banner")).hasAttribute("data-kind", "credited");
        assertThat(page.locator("#payment-banner")).containsText("$100.00 was added to your balance");
        noPointerEvents(page);
    }

    /**
     * Presses Tab until the element with this id, or the input of this name (the sign-in form's), has the focus; each
     * stop on the way must show its focus and be on screen.
     */
    private static void tabTo(Page page, String id, List<String> order) {
        for (int press = 0; press < MAX_TABS; press++) {
            page.keyboard().press("Tab");
            @SuppressWarnings("unchecked")
            Map<String, Object> focused = (Map<String, Object>) page.evaluate(FOCUSED);
            String at = String.valueOf(focused.get("id"));
            String stop = at.isEmpty() ? focused.get("tag") + "[" + focused.get("name") + "]" : at;
            if (!"body".equals(focused.get("tag"))) {
                assertThat(focused.get("visible")).as("focus shown on " + stop + " after " + order).isEqualTo(true);
                assertThat(focused.get("onScreen")).as(stop + " on screen").isEqualTo(true);
                if (order.isEmpty() || !order.getLast().equals(stop)) {
                    order.add(stop);
                }
            }
            if (((List<?>) focused.get("ids")).contains(id) || id.equals(focused.get("name"))) {
                return;
            }
        }
        throw new AssertionError("#" + id + " not reached in " + MAX_TABS + " Tab presses; focus went " + order);
    }

    private static String checkedMethod(Page page) {
        return page.locator("#method vaadin-radio-button[checked]").textContent();
    }

    private static void noPointerEvents(Page page) {
        assertThat(((Number) page.evaluate("() => window.__pointerEvents")).intValue())
                .as("pointer events on " + page.url()).isZero();
    }
}
