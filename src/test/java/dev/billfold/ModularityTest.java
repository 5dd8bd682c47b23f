package dev.billfold;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The feature packages as Spring Modulith sees them: no cycles between modules, and no module reaching into another's
 * internals (anything below its base package, unless it is a named interface or the module is open). The module
 * diagram in docs/modules is written from the same model, so it cannot go stale.
 */
class ModularityTest {

    private static final ApplicationModules MODULES = ApplicationModules.of(Application.class);
    private static final Path FOLDER = Path.of("docs", "modules");

    @Test
    void modules_have_no_cycles_and_reach_only_each_others_api() {
        MODULES.verify();
    }

    /** Documenter empties its folder first, so the index is written here too, from the same model. */
    @Test
    void the_module_diagram_in_docs_is_written_from_the_code() throws IOException {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(FOLDER.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        var index = new StringBuilder("""
                # Module diagrams

                Generated, not drawn: `ModularityTest` builds Spring Modulith's `ApplicationModules.of(Application.class)`,
                verifies it and writes these files with Spring Modulith's `Documenter` (part of `./mvnw verify`). Commit
                what changed here with the code that changed it; do not edit them by hand. What the modules are and which
                rules the tests enforce: [DD-001](../design-decisions/DD-001-feature-packages.md).

                - [components.puml](components.puml): every module and the dependencies between them (PlantUML, C4)
                """);
        MODULES.stream().map(module -> module.getIdentifier().toString()).sorted().forEach(module -> index.append(
                "- `%1$s`: [diagram](module-%1$s.puml), [canvas](module-%1$s.adoc)%n".formatted(module)));
        Files.writeString(FOLDER.resolve("README.md"), index);
        assertThat(FOLDER.resolve("components.puml")).exists();
    }
}
