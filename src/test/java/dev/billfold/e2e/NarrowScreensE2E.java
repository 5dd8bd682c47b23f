package dev.billfold.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every page at a 375 px phone, a 320 px phone and a 1280 px window zoomed to 200% (640 CSS px): the page never
 * scrolls sideways (WCAG 1.4.10 reflow; issue 21). What sticks out is named, so a failure says where to look. Grids
 * that scroll inside themselves are printed: a wide grid on a phone is its own finding.
 */
@ExtendWith(BrowserExtension.class)
class NarrowScreensE2E {

    private static final String OVERFLOW = """
            () => {
              const width = document.documentElement.clientWidth;
              const sticking = [];
              for (const el of document.querySelectorAll('body *')) {
                const box = el.getBoundingClientRect();
                if (box.width > 0 && box.right > width + 1 && !el.closest('vaadin-grid')) {
                  sticking.push((el.id ? '#' + el.id : el.tagName.toLowerCase()) + ' right=' + Math.round(box.right));
                  if (sticking.length >= 5) break;
                }
              }
              const grids = [...document.querySelectorAll('vaadin-grid')].filter(g => {
                const table = g.shadowRoot && g.shadowRoot.querySelector('#table');
                return table && table.scrollWidth > table.clientWidth + 1;
              }).map(g => g.id || 'vaadin-grid');
              return { scrolls: document.documentElement.scrollWidth > width + 1, width: width,
                       scrollWidth: document.documentElement.scrollWidth, sticking: sticking, grids: grids };
            }""";

    @Test
    @Viewport(width = 375, height = 812)
    void no_page_scrolls_sideways_on_a_375_px_phone(Page page) {
        assertThat(sidewaysPages(page)).isEmpty();
    }

    @Test
    @Viewport(width = 320, height = 640)
    void no_page_scrolls_sideways_on_a_320_px_phone(Page page) {
        assertThat(sidewaysPages(page)).isEmpty();
    }

    @Test
    @Viewport(width = 640, height = 400)
    void no_page_scrolls_sideways_in_a_window_zoomed_to_200_percent(Page page) {
        assertThat(sidewaysPages(page)).isEmpty();
    }

    private static List<String> sidewaysPages(Page page) {
        List<String> sideways = new ArrayList<>();
        page.navigate("/login");
        page.waitForSelector("vaadin-login-form");
        measure(page, "/login", sideways);
        new Portal(page).signInAsDemo();
        for (String path : AccessibilityE2E.CUSTOMER_PAGES) {
            visit(page, path, sideways);
        }
        page.context().clearCookies();
        page.navigate("/login");
        page.locator("vaadin-login-form input[name='username']").fill("operator");
        page.locator("vaadin-login-form input[name='password']").fill("demo");
        page.locator("vaadin-login-form vaadin-button[slot='submit']").click();
        page.waitForURL(url -> url.endsWith("/ops"));
        for (String path : AccessibilityE2E.BACK_OFFICE_PAGES) {
            visit(page, path, sideways);
        }
        return sideways;
    }

    private static void visit(Page page, String path, List<String> sideways) {
        page.navigate(path);
        page.waitForSelector("vaadin-app-layout");
        page.waitForLoadState(LoadState.NETWORKIDLE);
        measure(page, path, sideways);
    }

    @SuppressWarnings("unchecked")
    private static void measure(Page page, String path, List<String> sideways) {
        var found = (java.util.Map<String, Object>) page.evaluate(OVERFLOW);
        System.out.printf("width %s: %s page %s wide, grids scrolling inside %s%n", found.get("width"), path,
                found.get("scrollWidth"), found.get("grids"));
        if (Boolean.TRUE.equals(found.get("scrolls"))) {
            sideways.add(path + " is " + found.get("scrollWidth") + " px wide: " + found.get("sticking"));
        }
    }
}
