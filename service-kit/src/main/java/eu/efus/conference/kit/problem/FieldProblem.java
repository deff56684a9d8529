package eu.efus.conference.kit.problem;

import java.util.List;

/** One invalid field of a request: its JSON path and what is wrong with it. */
public record FieldProblem(String field, String message) {

    /** The problem document's {@code detail} for these fields: the one field and its message, or how many. */
    static String summary(List<FieldProblem> errors) {
        return errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid";
    }
}
