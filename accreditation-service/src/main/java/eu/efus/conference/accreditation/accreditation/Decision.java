package eu.efus.conference.accreditation.accreditation;

/** The press officer's decisions as the API names them, and the action each one is. */
public enum Decision {
    APPROVED(AccreditationLifecycle.Action.APPROVE),
    REJECTED(AccreditationLifecycle.Action.REJECT),
    NEEDS_INFO(AccreditationLifecycle.Action.ASK_FOR_INFO);

    private final AccreditationLifecycle.Action action;

    Decision(AccreditationLifecycle.Action action) {
        this.action = action;
    }

    public AccreditationLifecycle.Action action() {
        return action;
    }

    /** Whether the decision needs a text: the reason given to the journalist, or the question asked. */
    public boolean needsReason() {
        return this != APPROVED;
    }
}
