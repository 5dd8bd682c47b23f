package dev.billfold.ui;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServletRequest;
import dev.billfold.TestData;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Counts the SQL statements of one navigation, as the server runs it inside one HTTP request (Spring's request
 * context is set, as its filter does for every real request). A count, not a time: it guards the statements per
 * navigation that docs/performance.md found to dominate the round trips.
 */
class StatementsPerNavigationTest extends KaribuTest {

    private final Logger jdbc = (Logger) LoggerFactory.getLogger("org.springframework.jdbc.core.JdbcTemplate");
    private final ListAppender<ILoggingEvent> statements = new ListAppender<>();
    private Level levelBefore;

    @Autowired
    TestData data;

    @AfterEach
    void stopCounting() {
        jdbc.detachAppender(statements);
        jdbc.setLevel(levelBefore);
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void the_signed_in_user_and_the_memberships_are_looked_up_once_per_request() {
        var customer = data.newCustomer("USD");
        signIn(customer.username());
        UI.getCurrent().navigate("history");
        startCounting();

        List<String> topUp = navigate("");
        List<String> history = navigate("history");

        System.out.printf("statements per navigation: top-up %d, history %d%n", topUp.size(), history.size());
        assertThat(topUp.stream().filter(sql -> sql.contains("from app_user"))).hasSize(1);
        assertThat(history.stream().filter(sql -> sql.contains("from app_user"))).hasSize(1);
        // the memberships (accounts and roles) once too, however many access checks the layout and the view make
        assertThat(topUp.stream().filter(sql -> sql.contains("account_member"))).hasSize(1);
        assertThat(history.stream().filter(sql -> sql.contains("account_member"))).hasSize(1);
    }

    private void startCounting() {
        levelBefore = jdbc.getLevel();
        statements.start();
        jdbc.addAppender(statements);
        jdbc.setLevel(Level.DEBUG);
    }

    /** One navigation in one request: its own request attributes, as Spring's RequestContextFilter sets them. */
    private List<String> navigate(String route) {
        var request = ((VaadinServletRequest) VaadinRequest.getCurrent()).getHttpServletRequest();
        // Karibu reuses one request object; a real request starts without attributes
        java.util.Collections.list(request.getAttributeNames()).forEach(request::removeAttribute);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        int from = statements.list.size();
        UI.getCurrent().navigate(route);
        RequestContextHolder.resetRequestAttributes();
        return statements.list.subList(from, statements.list.size()).stream().map(ILoggingEvent::getFormattedMessage)
                .filter(message -> message.startsWith("Executing prepared SQL statement")).toList();
    }
}
