package dev.billfold.poller;

import dev.billfold.Application;
import dev.billfold.PostgresTestConfig;
import dev.billfold.gateway.ScriptedGateway;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Whole application instances ("nodes") in one JVM: each its own Spring context, its own connection pool and its
 * own poller, all on the one embedded PostgreSQL and talking to the one scripted provider.
 */
final class Nodes implements AutoCloseable {

    private final List<ConfigurableApplicationContext> started = new ArrayList<>();

    ConfigurableApplicationContext start(Class<?>... extraSources) {
        List<Class<?>> sources = new ArrayList<>(List.of(Application.class, PostgresTestConfig.class, ScriptedGateway.Config.class));
        sources.addAll(List.of(extraSources));
        // Arguments, not default properties: application.properties would win over those (server.port=8080).
        ConfigurableApplicationContext context = new SpringApplicationBuilder(sources.toArray(Class<?>[]::new))
                .run("--server.port=0", "--billfold.poller.enabled=false", "--billfold.renewals.cron=-",
                        "--billfold.poller.calls-per-second=100000", "--billfold.poller.provider-budget=PT5M",
                        "--spring.main.banner-mode=off", "--logging.level.dev.billfold=WARN");
        started.add(context);
        return context;
    }

    @Override
    public void close() {
        started.forEach(ConfigurableApplicationContext::close);
        started.clear();
    }
}
