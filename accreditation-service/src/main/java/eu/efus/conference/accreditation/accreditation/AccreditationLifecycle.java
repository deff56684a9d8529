package eu.efus.conference.accreditation.accreditation;

import static eu.efus.conference.accreditation.accreditation.AccreditationStatus.APPROVED;
import static eu.efus.conference.accreditation.accreditation.AccreditationStatus.NEEDS_INFO;
import static eu.efus.conference.accreditation.accreditation.AccreditationStatus.PENDING;
import static eu.efus.conference.accreditation.accreditation.AccreditationStatus.REJECTED;
import static eu.efus.conference.accreditation.accreditation.AccreditationStatus.WITHDRAWN;

/**
 * The rules of an accreditation request's life, with every (state, action) pair written out: no Spring, no MongoDB.
 * The switches have no default branch, so a new state or action does not compile until its row is decided.
 * <pre>
 * PENDING    → APPROVED | REJECTED | NEEDS_INFO | WITHDRAWN              (an answer is refused: nothing was asked)
 * NEEDS_INFO → PENDING (answer) | APPROVED | REJECTED | WITHDRAWN | NEEDS_INFO (another question)
 * APPROVED, REJECTED, WITHDRAWN are final: the same action again changes nothing, anything else is refused
 * </pre>
 */
public final class AccreditationLifecycle {

    private AccreditationLifecycle() {
    }

    /** What someone can do to a request: the press officer's three decisions and the journalist's two actions. */
    public enum Action {
        APPROVE, REJECT, ASK_FOR_INFO, ANSWER, WITHDRAW
    }

    /** The outcome of applying an action to a state. */
    public sealed interface Step permits Move, Unchanged, Refused {
    }

    /** The request changes state (possibly to the same state: a further question). */
    public record Move(AccreditationStatus from, AccreditationStatus to) implements Step {
    }

    /** The action was already applied: a repeat that changes nothing and says so without an error. */
    public record Unchanged(AccreditationStatus status) implements Step {
    }

    /** The action contradicts the current state. */
    public record Refused(AccreditationStatus status, Action action, String reason) implements Step {
    }

    public static Step next(AccreditationStatus from, Action action) {
        return switch (from) {
            case PENDING -> switch (action) {
                case APPROVE -> new Move(from, APPROVED);
                case REJECT -> new Move(from, REJECTED);
                case ASK_FOR_INFO -> new Move(from, NEEDS_INFO);
                case WITHDRAW -> new Move(from, WITHDRAWN);
                case ANSWER -> new Refused(from, action, "no question is waiting for an answer (status PENDING)");
            };
            case NEEDS_INFO -> switch (action) {
                case ANSWER -> new Move(from, PENDING);
                case APPROVE -> new Move(from, APPROVED);
                case REJECT -> new Move(from, REJECTED);
                case ASK_FOR_INFO -> new Move(from, NEEDS_INFO);
                case WITHDRAW -> new Move(from, WITHDRAWN);
            };
            case APPROVED -> switch (action) {
                case APPROVE -> new Unchanged(from);
                case REJECT, ASK_FOR_INFO -> new Refused(from, action, "the request is already APPROVED");
                case ANSWER -> new Refused(from, action, "no question is waiting for an answer (status APPROVED)");
                case WITHDRAW -> new Refused(from, action,
                        "an approved accreditation cannot be withdrawn here; please contact the press office");
            };
            case REJECTED -> switch (action) {
                case REJECT -> new Unchanged(from);
                case APPROVE, ASK_FOR_INFO -> new Refused(from, action, "the request is already REJECTED");
                case ANSWER -> new Refused(from, action, "no question is waiting for an answer (status REJECTED)");
                case WITHDRAW -> new Refused(from, action, "the request was already REJECTED");
            };
            case WITHDRAWN -> switch (action) {
                case WITHDRAW -> new Unchanged(from);
                case APPROVE, REJECT, ASK_FOR_INFO -> new Refused(from, action, "the journalist WITHDREW the request");
                case ANSWER -> new Refused(from, action, "no question is waiting for an answer (status WITHDRAWN)");
            };
        };
    }
}
