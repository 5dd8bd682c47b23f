package dev.billfold;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.vaadin.flow.component.Component;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The house rules of shared/CONVENTIONS.md that a compiler does not check. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.billfold");

    @Test
    void features_do_not_depend_on_each_other_in_cycles() {
        slices().matching("dev.billfold.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void base_and_the_gateway_interface_depend_on_no_feature() {
        noClasses().that().resideInAnyPackage("dev.billfold.base..", "dev.billfold.gateway")
                .should().dependOnClassesThat().resideInAnyPackage("dev.billfold.account..", "dev.billfold.payment..",
                        "dev.billfold.paymentmethod..", "dev.billfold.ledger..", "dev.billfold.security..", "dev.billfold.ui..")
                .check(CLASSES);
    }

    @Test
    void views_use_services_never_repositories_or_sql() {
        noClasses().that().areAssignableTo(Component.class)
                .should().dependOnClassesThat().areAssignableTo(Repository.class)
                .orShould().dependOnClassesThat().areAssignableTo(JdbcClient.class)
                .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
                .check(CLASSES);
    }

    @Test
    void repositories_are_internal_to_their_feature() {
        classes().that().haveSimpleNameEndingWith("Repository").and().resideOutsideOfPackage("dev.billfold")
                .should().notBePublic().check(CLASSES);
    }

    @Test
    void providers_are_reached_only_through_the_gateway_interface() {
        noClasses().that().resideOutsideOfPackage("dev.billfold.gateway.demo..")
                .should().dependOnClassesThat().resideInAPackage("dev.billfold.gateway.demo..")
                .check(CLASSES);
    }

    @Test
    void stripe_is_reached_only_through_the_gateway_interface_and_reaches_no_feature() {
        noClasses().that().resideOutsideOfPackage("dev.billfold.gateway.stripe..")
                .should().dependOnClassesThat().resideInAPackage("dev.billfold.gateway.stripe..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("dev.billfold.gateway.stripe..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.billfold.account..", "dev.billfold.payment..",
                        "dev.billfold.paymentmethod..", "dev.billfold.ledger..", "dev.billfold.security..", "dev.billfold.ui..")
                .check(CLASSES);
    }

    @Test
    void paypal_is_reached_only_through_the_gateway_interface_and_reaches_no_feature() {
        noClasses().that().resideOutsideOfPackage("dev.billfold.gateway.paypal..")
                .should().dependOnClassesThat().resideInAPackage("dev.billfold.gateway.paypal..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("dev.billfold.gateway.paypal..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.billfold.account..", "dev.billfold.payment..",
                        "dev.billfold.paymentmethod..", "dev.billfold.ledger..", "dev.billfold.security..", "dev.billfold.ui..")
                .check(CLASSES);
    }

    @Test
    void demo_data_and_sign_in_are_not_used_by_production_code() {
        noClasses().that().resideOutsideOfPackage("dev.billfold.demo..")
                .should().dependOnClassesThat().resideInAPackage("dev.billfold.demo..")
                .check(CLASSES);
    }
}
