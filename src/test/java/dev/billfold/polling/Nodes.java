package dev.billfold.polling;

import dev.billfold.Application;
import dev.billfold.PostgresTestConfig;
import dev.billfold.gateway.ScriptedGateway;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Whole application instances ("nodes") in one JVM: each its own Spring context, its own connection pool and its
 * own poller, all on the one embedded PostgreSQL and talking to the one scripted provider. Public for the
 * cluster-wide tests of other packages (ratelimit.ClusterWideLimitsTest).
 */
public final class Nodes implements AutoCloseable {

    private final List<ConfigurableApplicationContext> started = new ArrayList<>();

    public ConfigurableApplicationContext start(Class<?>... extraSources) {
        return start(Map.of(), extraSources);
    }

    /** A node whose {@code settings} ("billfold.poller.calls-per-second" → "10") replace or add to the defaults below. */
    public ConfigurableApplicationContext start(Map<String, String> settings, Class<?>... extraSources) {
        return start(settings, true, extraSources);
    }

    /** A node on which the scripted provider is switched off: nothing in its configuration names it. */
    ConfigurableApplicationContext startWithoutScriptedProvider(Class<?>... extraSources) {
        return start(Map.of(), false, extraSources);
    }

    private ConfigurableApplicationContext start(Map<String, String> settings, boolean scripted, Class<?>... extraSources) {
        List<Class<?>> sources = new ArrayList<>(List.of(Application.class, PostgresTestConfig.class));
        if (scripted) {
            sources.add(ScriptedGateway.Config.class);
        }
        sources.addAll(List.of(extraSources));
        Map<String, String> arguments = new LinkedHashMap<>();
        arguments.put("server.port", "0");
        arguments.put("billfold.poller.enabled", "false");
        arguments.put("billfold.renewals.cron", "-");
        arguments.put("billfold.poller.calls-per-second", "100000");
        arguments.put("billfold.poller.provider-budget", "PT5M");
        arguments.put("spring.main.banner-mode", "off");
        arguments.put("logging.level.dev.billfold", "WARN");
        arguments.putAll(settings);
        // Arguments, not default properties: application.properties would win over those (server.port=8080).
        ConfigurableApplicationContext context = new SpringApplicationBuilder(sources.toArray(Class<?>[]::new))
                .run(arguments.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
        started.add(context);
        return context;
    }

    @Override
    public void close() {
        started.forEach(ConfigurableApplicationContext::close);
        started.clear();
    }
}
