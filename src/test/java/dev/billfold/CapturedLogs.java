package dev.billfold;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * What the application logs while a test runs, as production writes it: every event at INFO and above on the root
 * logger, with its formatted message, its arguments, its MDC and the class and message of every throwable in its
 * chain (a stack trace prints those too). The fakes' own logs (WireMock) are left out: they are not Billfold's.
 * Register it with {@code @RegisterExtension}.
 */
public final class CapturedLogs implements BeforeEachCallback, AfterEachCallback {

    private static final List<String> NOT_OURS = List.of("WireMock", "wiremock", "com.github.tomakehurst");

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private @Nullable Level ourLevelBefore;

    /**
     * Logback is one per JVM: a test context started with quieter levels (the multi-node tests' nodes log Billfold at
     * WARN) leaves them set for every context after it. Production logs Billfold at INFO, so that is what is captured.
     */
    @Override
    public void beforeEach(ExtensionContext context) {
        synchronized (appender) {
            appender.list.clear();
        }
        ourLevelBefore = ours().getLevel();
        ours().setLevel(Level.INFO);
        appender.start();
        root().addAppender(appender);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        root().detachAppender(appender);
        appender.stop();
        ours().setLevel(ourLevelBefore);
    }

    /** Each logged event as one text: level, logger, message, arguments, MDC, throwables. */
    public List<String> events() {
        List<ILoggingEvent> events;
        synchronized (appender) {
            events = List.copyOf(appender.list);
        }
        return events.stream()
                .filter(event -> event.getLevel().isGreaterOrEqual(Level.INFO))
                .filter(event -> NOT_OURS.stream().noneMatch(event.getLoggerName()::startsWith))
                .map(CapturedLogs::text)
                .toList();
    }

    /** Fails naming the events that contain any of {@code secrets}; also fails if nothing was logged at all. */
    public void containNoneOf(List<String> secrets) {
        List<String> events = events();
        assertThat(events).as("the scenario logs something, or the check proves nothing").isNotEmpty();
        for (String secret : secrets) {
            assertThat(secret).as("a secret to look for").isNotBlank();
            assertThat(events).as("events logged at INFO and above that contain " + secret)
                    .noneMatch(event -> event.contains(secret));
        }
    }

    private static String text(ILoggingEvent event) {
        List<String> parts = new ArrayList<>(List.of(event.getLevel().toString(), event.getLoggerName(),
                event.getFormattedMessage()));
        if (event.getArgumentArray() != null) {
            Arrays.stream(event.getArgumentArray()).map(Objects::toString).forEach(parts::add);
        }
        event.getMDCPropertyMap().forEach((key, value) -> parts.add(key + "=" + value));
        for (IThrowableProxy thrown = event.getThrowableProxy(); thrown != null; thrown = thrown.getCause()) {
            parts.add(thrown.getClassName() + ": " + thrown.getMessage());
            for (IThrowableProxy suppressed : thrown.getSuppressed()) {
                parts.add(suppressed.getClassName() + ": " + suppressed.getMessage());
            }
        }
        return String.join(" | ", parts);
    }

    private static Logger ours() {
        return (Logger) LoggerFactory.getLogger("dev.billfold");
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
