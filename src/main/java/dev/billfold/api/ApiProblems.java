package dev.billfold.api;

import dev.billfold.account.InvalidPayerException;
import dev.billfold.base.IllegalTransitionException;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.NotFoundException;
import dev.billfold.ratelimit.RateLimitExceededException;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Every refusal of the API as an RFC 9457 problem ({@code application/problem+json}): a type URI per family, a title,
 * the detail (the services' messages are written to be shown), and for bad input {@code errors}, one per field.
 */
@RestControllerAdvice(basePackageClasses = ApiProblems.class)
class ApiProblems {

    static final String TYPES = "https://billfold.dev/problems/";

    @Schema(name = "FieldError", description = "What is wrong with one field of the request")
    record FieldError(String field, String message) {
    }

    @ExceptionHandler(ApiJson.BadBody.class)
    ResponseEntity<ProblemDetail> badBody(ApiJson.BadBody bad) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-body", "The request body cannot be read", bad.getMessage(),
                bad.errors());
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException missing) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", missing.getMessage(), List.of());
    }

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidRequestException invalid) {
        List<FieldError> errors = invalid.field().isEmpty() ? List.of()
                : List.of(new FieldError(invalid.field(), invalid.getMessage()));
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-request", "The request was refused",
                invalid.getMessage(), errors);
    }

    /** Every field the payer rules found wrong at once, as the Payers page shows them. */
    @ExceptionHandler(InvalidPayerException.class)
    ResponseEntity<ProblemDetail> invalidPayer(InvalidPayerException invalid) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-request", "The request was refused",
                invalid.getMessage(), invalid.problems().entrySet().stream()
                        .map(problem -> new FieldError(problem.getKey(), problem.getValue())).toList());
    }

    /** A limit of the feature's own (invitations per client and account): 429 with when to try again. */
    @ExceptionHandler(RateLimitExceededException.class)
    ResponseEntity<ProblemDetail> limited(RateLimitExceededException limited) {
        long seconds = Math.max(1, limited.retryAfter().toSeconds() + (limited.retryAfter().toNanosPart() > 0 ? 1 : 0));
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .body(body(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests", limited.getMessage(),
                        List.of()));
    }

    @ExceptionHandler(IllegalTransitionException.class)
    ResponseEntity<ProblemDetail> transition(IllegalTransitionException refused) {
        return problem(HttpStatus.CONFLICT, "state-conflict", "Not possible in the current state",
                refused.getMessage(), List.of());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException denied) {
        return problem(HttpStatus.FORBIDDEN, "missing-scope", "The client's scopes do not allow this",
                denied.getMessage(), List.of());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException mismatch) {
        // A malformed id in the path is an id of nothing: the same answer as an unknown one.
        if (mismatch.getParameter().hasParameterAnnotation(PathVariable.class)) {
            return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", "There is no such " + mismatch.getName()
                    .replace("Id", "") + ".", List.of());
        }
        return problem(HttpStatus.BAD_REQUEST, "invalid-parameter", "A parameter is not valid",
                "The parameter " + mismatch.getName() + " is not valid.",
                List.of(new FieldError(mismatch.getName(), "Not a valid value.")));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException missing) {
        return problem(HttpStatus.BAD_REQUEST, "missing-header", "A header is missing",
                "The header " + missing.getHeaderName() + " is required.", List.of());
    }

    static ResponseEntity<ProblemDetail> problem(HttpStatusCode status, String type, String title,
                                                 @Nullable String detail, List<FieldError> errors) {
        ProblemDetail problem = body(status, type, title, detail, errors);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    static ProblemDetail body(HttpStatusCode status, String type, String title, @Nullable String detail,
                              List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create(TYPES + type));
        problem.setTitle(title);
        problem.setDetail(detail);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return problem;
    }
}
