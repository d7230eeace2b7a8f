package org.origincheck.domain.review;

/**
 * What can happen to a determination under review. AUTO_APPROVED and REVIEW_REQUIRED are the policy's
 * first event; APPROVE, REJECT, OVERRIDE and COMMENT are an officer's.
 */
public enum ReviewAction {
    AUTO_APPROVED, REVIEW_REQUIRED, APPROVE, REJECT, OVERRIDE, COMMENT;

    /** The state after this action from {@code from}, or why the action is not allowed there. */
    public Transition apply(ReviewState from) {
        return switch (this) {
            case APPROVE -> from == ReviewState.PENDING_REVIEW ? Transition.to(ReviewState.APPROVED)
                    : Transition.refused("only a determination pending review can be approved; it is " + from);
            case REJECT -> from == ReviewState.PENDING_REVIEW ? Transition.to(ReviewState.REJECTED)
                    : Transition.refused("only a determination pending review can be rejected; it is " + from);
            case OVERRIDE -> Transition.to(ReviewState.OVERRIDDEN);
            case COMMENT -> Transition.to(from);
            case AUTO_APPROVED, REVIEW_REQUIRED -> from == null ? Transition.to(this == AUTO_APPROVED ? ReviewState.APPROVED : ReviewState.PENDING_REVIEW)
                    : Transition.refused("the review policy decides only once, when the determination is made");
        };
    }

    public boolean byOfficer() {
        return this != AUTO_APPROVED && this != REVIEW_REQUIRED;
    }

    public record Transition(ReviewState to, String refusal) {
        static Transition to(ReviewState state) {
            return new Transition(state, null);
        }

        static Transition refused(String why) {
            return new Transition(null, why);
        }

        public boolean allowed() {
            return refusal == null;
        }
    }
}
