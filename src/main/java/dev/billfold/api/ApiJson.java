package dev.billfold.api;

import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Request bodies are read here, strictly, rather than by the application's shared mapper: an unknown field is an
 * error (a typo such as {@code "extrnalId"} must not be dropped in silence), and so is a number where text belongs.
 * Bodies arrive as text so that the Idempotency-Key check sees exactly the bytes the client sent.
 */
@Component
class ApiJson {

    private final JsonMapper mapper = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    <T> T read(String body, Class<T> type) {
        if (body.isBlank()) {
            throw new BadBody("The request needs a JSON body.", List.of());
        }
        try {
            return mapper.readValue(body, type);
        } catch (UnrecognizedPropertyException unknown) {
            throw new BadBody("The request has a field this API does not know.",
                    List.of(new ApiProblems.FieldError(unknown.getPropertyName(), "Unknown field: remove it.")));
        } catch (JacksonException malformed) {
            String path = malformed.getPathReference();
            throw new BadBody("The request body is not valid JSON for this operation.",
                    path == null || path.isBlank() ? List.of()
                            : List.of(new ApiProblems.FieldError(field(malformed), "Not a valid value here.")));
        }
    }

    private static String field(JacksonException problem) {
        return problem.getPath().stream().map(ref -> ref.getPropertyName() == null ? "[" + ref.getIndex() + "]"
                : ref.getPropertyName()).reduce((a, b) -> a + "." + b).orElse("");
    }

    /** A body that could not be read: 400, with the fields at fault. */
    static final class BadBody extends RuntimeException {

        private final List<ApiProblems.FieldError> errors;

        BadBody(String message, List<ApiProblems.FieldError> errors) {
            super(message);
            this.errors = List.copyOf(errors);
        }

        List<ApiProblems.FieldError> errors() {
            return errors;
        }
    }
}
