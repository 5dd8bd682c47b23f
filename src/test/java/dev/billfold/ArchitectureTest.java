package dev.billfold;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.vaadin.flow.component.Component;
import dev.billfold.polling.HeldClaims;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The house rules of shared/CONVENTIONS.md that neither the compiler nor Spring Modulith ({@link ModularityTest})
 * checks. Rules say what a package may depend on, so that a new package cannot slip past a list of forbidden ones.
 */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.billfold");

    private static final Pattern PROVIDER = Pattern.compile("dev\\.billfold\\.gateway\\.([^.]+).*");

    @Test
    void base_may_depend_only_on_itself_and_libraries() {
        classes().that().resideInAPackage("dev.billfold.base..")
                .should().onlyDependOnClassesThat(resideOutsideOfPackage("dev.billfold..")
                        .or(resideInAPackage("dev.billfold.base..")))
                .check(CLASSES);
    }

    /** Rate limits are for every feature and for the providers' webhook endpoints, so they reach nothing but base. */
    @Test
    void rate_limits_may_depend_only_on_themselves_base_and_libraries() {
        classes().that().resideInAPackage("dev.billfold.ratelimit..")
                .should().onlyDependOnClassesThat(resideOutsideOfPackage("dev.billfold..")
                        .or(resideInAPackage("dev.billfold.base.."))
                        .or(resideInAPackage("dev.billfold.ratelimit..")))
                .check(CLASSES);
    }

    @Test
    void the_gateway_interface_may_depend_only_on_itself_base_and_libraries() {
        classes().that().resideInAPackage("dev.billfold.gateway")
                .should().onlyDependOnClassesThat(resideOutsideOfPackage("dev.billfold..")
                        .or(resideInAPackage("dev.billfold.base.."))
                        .or(resideInAPackage("dev.billfold.gateway")))
                .check(CLASSES);
    }

    /**
     * One rule for every provider package, those to come included: Stripe never sees PayPal, nor any feature. Rate
     * limits are not a feature but a shared capability like base (DD-056): a webhook endpoint may limit its calls.
     * So is {@code polling.HeldClaims} (DD-087), and only that class of polling: a webhook's claim is given back at
     * shutdown.
     */
    @Test
    void a_provider_may_depend_only_on_the_gateway_interface_base_and_its_own_package() {
        classes().that().resideInAPackage("dev.billfold.gateway.(*)..")
                .should(dependOnlyOnTheGatewayInterfaceBaseAndTheirOwnProvider())
                .check(CLASSES);
    }

    @Test
    void providers_are_reached_only_through_the_gateway_interface() {
        noClasses().that().resideOutsideOfPackage("dev.billfold.gateway..")
                .should().dependOnClassesThat().resideInAPackage("dev.billfold.gateway.*..")
                .check(CLASSES);
    }

    /**
     * Views and everything else in a ui package (a view's helpers, its anonymous listeners, a registration like
     * MethodUpdates) reach data only through a service, where access is checked: never a Spring Data repository, a
     * store, JdbcClient or any other JDBC API.
     */
    @Test
    void views_use_services_never_repositories_stores_or_sql() {
        noClasses().that().areAssignableTo(Component.class).or().resideInAPackage("dev.billfold..ui..")
                .should().dependOnClassesThat().areAssignableTo(Repository.class)
                .orShould().dependOnClassesThat().areAssignableTo(JdbcClient.class)
                .orShould().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "java.sql..",
                        "javax.sql..")
                .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
                .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Store")
                .check(CLASSES);
    }

    @Test
    void repositories_and_stores_are_internal_to_their_feature() {
        classes().that().haveSimpleNameEndingWith("Repository").or().haveSimpleNameEndingWith("Store")
                .and().resideOutsideOfPackage("dev.billfold")
                .should().notBePublic().check(CLASSES);
    }

    @Test
    void demo_data_and_sign_in_are_not_used_by_production_code() {
        noClasses().that().resideOutsideOfPackage("dev.billfold.demo..")
                .should().dependOnClassesThat().resideInAPackage("dev.billfold.demo..")
                .check(CLASSES);
    }

    private static ArchCondition<JavaClass> dependOnlyOnTheGatewayInterfaceBaseAndTheirOwnProvider() {
        return new ArchCondition<>(
                "depend only on the gateway interface, base, rate limits, held claims and their own provider package") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                String own = provider(origin.getPackageName());
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    String target = dependency.getTargetClass().getPackageName();
                    boolean allowed = !target.startsWith("dev.billfold") || target.equals("dev.billfold.gateway")
                            || target.equals("dev.billfold.base") || target.startsWith("dev.billfold.base.")
                            || target.equals("dev.billfold.ratelimit")
                            || dependency.getTargetClass().getName().startsWith(HeldClaims.class.getName())
                            || own.equals(provider(target));
                    if (!allowed) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    private static String provider(String packageName) {
        Matcher matcher = PROVIDER.matcher(packageName);
        return matcher.matches() ? matcher.group(1) : "";
    }
}
