package dev.billfold.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billfold.BillfoldTest;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document is generated from the code: every endpoint the application maps under /api/v1 is in it, with
 * its method, and the document is valid OpenAPI 3.1 as an independent parser (swagger-parser) reads it.
 */
@BillfoldTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenApiDocumentTest {

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void every_api_endpoint_is_in_the_document_and_the_document_is_valid_openapi_3_1() {
        var answer = new ApiHttp(port).get(null, "/api/v1/openapi.json");
        assertThat(answer.status()).isEqualTo(200);
        JsonNode document = answer.json();
        assertThat(document.path("openapi").asString()).startsWith("3.1");

        var options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(answer.body(), null, options);
        assertThat(parsed.getMessages()).as("swagger-parser's findings").isEmpty();
        assertThat(parsed.getOpenAPI().getOpenapi()).startsWith("3.1");

        Set<String> inCode = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            if (!method.getBeanType().getPackageName().equals(ApiProblems.class.getPackageName())) {
                return;
            }
            for (String path : info.getPatternValues()) {
                for (RequestMethod verb : info.getMethodsCondition().getMethods()) {
                    inCode.add(verb.name().toLowerCase() + " " + path);
                }
            }
        });
        Set<String> documented = new TreeSet<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(
                operation -> documented.add(operation.getKey() + " " + path.getKey())));
        assertThat(inCode).as("the API's endpoints in the code").hasSizeGreaterThan(10);
        assertThat(documented).containsAll(inCode);
        assertThat(documented).allMatch(operation -> operation.contains(" /api/v1/"));
    }

    @Test
    void the_browsable_ui_is_served_in_the_embedded_default() {
        var answer = new ApiHttp(port).get(null, "/api/v1/docs");
        assertThat(answer.status()).isIn(200, 302);
    }
}
