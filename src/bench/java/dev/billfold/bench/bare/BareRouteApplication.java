package dev.billfold.bench.bare;

import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The capacity benchmark's yardstick: a Spring Boot + Vaadin application with one route, {@link BareView} (one button),
 * and nothing of Billfold's: no security, no database, no mail. It exists only for {@code CapacityKneeBenchmark}, which
 * runs it from the production jar's own libraries and frontend bundle, so that the two apps differ in their code alone
 * (see {@code BareRouteServer}). It is compiled only under {@code -Pbench} (src/bench/java) and never packaged.
 *
 * <p>Deliberately not a {@code @Configuration} or {@code @SpringBootApplication}, and the view has no {@code @Route}:
 * the benchmarks that start Billfold's own context in the benchmark JVM scan {@code dev.billfold..}, and must find
 * neither a second application nor a second view for "". The route is registered when Vaadin starts, by the bean below.
 */
@EnableAutoConfiguration(excludeName = {
        "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration",
        "org.springframework.boot.security.oauth2.client.autoconfigure.servlet.OAuth2ClientWebSecurityAutoConfiguration",
        "com.vaadin.flow.spring.SpringSecurityAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceInitializationAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
        "org.springframework.boot.data.jdbc.autoconfigure.DataJdbcRepositoriesAutoConfiguration",
        "org.springframework.boot.data.autoconfigure.web.DataWebAutoConfiguration",
        "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
        "org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration",
        "org.springframework.boot.mail.autoconfigure.MailSenderValidatorAutoConfiguration",
        // Billfold's outbox (DD-066) brings Modulith's JDBC publication registry, which needs the DataSource.
        "org.springframework.modulith.events.jdbc.JdbcEventPublicationAutoConfiguration",
        "org.springframework.modulith.events.config.EventPublicationAutoConfiguration"})
public class BareRouteApplication {

    public static void main(String[] args) {
        SpringApplication.run(BareRouteApplication.class, args);
    }

    @Bean
    static VaadinServiceInitListener bareRoute() {
        return event -> RouteConfiguration.forRegistry(ApplicationRouteRegistry.getInstance(event.getSource().getContext()))
                .setRoute("", BareView.class);
    }
}
