package eu.efus.conference.kit.problem;

import java.util.List;

/**
 * A business rule refusing a request, said in the domain's terms: what kind of refusal, and why. It carries no HTTP
 * status: {@link ProblemDetailsAdvice} maps each kind to one, in one place, so code that also runs from a Kafka
 * consumer or a scheduled task never speaks HTTP.
 */
public class Refusal extends RuntimeException {

    /** The kinds of refusal a caller can act on differently. */
    public enum Kind {
        /** The input breaks a rule; {@link #errors()} names the fields. */
        INVALID,
        /** What the request names does not exist (or is not theirs to see). */
        NOT_FOUND,
        /** The request contradicts the current state (a duplicate, a closed window). */
        CONFLICT,
        /** The request is well formed but cannot be applied as sent (a reused Idempotency-Key). */
        UNPROCESSABLE
    }

    private final Kind kind;
    private final String title;
    private final List<FieldProblem> errors;

    public Refusal(Kind kind, String title, String detail, List<FieldProblem> errors) {
        super(detail);
        this.kind = kind;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static Refusal notFound(String detail) {
        return new Refusal(Kind.NOT_FOUND, "Not found", detail, List.of());
    }

    public static Refusal conflict(String detail) {
        return new Refusal(Kind.CONFLICT, "Conflict", detail, List.of());
    }

    public static Refusal invalid(String field, String message) {
        return invalid(List.of(new FieldProblem(field, message)));
    }

    public static Refusal invalid(List<FieldProblem> errors) {
        return new Refusal(Kind.INVALID, "Invalid request", FieldProblem.summary(errors), errors);
    }

    public Kind kind() {
        return kind;
    }

    public String title() {
        return title;
    }

    public List<FieldProblem> errors() {
        return errors;
    }
}
