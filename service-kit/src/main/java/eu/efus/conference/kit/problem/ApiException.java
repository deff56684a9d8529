package eu.efus.conference.kit.problem;

import java.util.List;
import org.springframework.http.HttpStatus;

/** A refusal the API explains to its caller as RFC 9457 problem details. */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String title;
    private final List<FieldProblem> errors;

    public ApiException(HttpStatus status, String title, String detail, List<FieldProblem> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public ApiException(HttpStatus status, String title, String detail) {
        this(status, title, detail, List.of());
    }

    public static ApiException notFound(String detail) {
        return new ApiException(HttpStatus.NOT_FOUND, "Not found", detail);
    }

    public static ApiException conflict(String detail) {
        return new ApiException(HttpStatus.CONFLICT, "Conflict", detail);
    }

    public static ApiException invalid(String field, String message) {
        return invalid(List.of(new FieldProblem(field, message)));
    }

    public static ApiException invalid(List<FieldProblem> errors) {
        return new ApiException(HttpStatus.BAD_REQUEST, "Invalid request", FieldProblem.summary(errors), errors);
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<FieldProblem> errors() {
        return errors;
    }
}
