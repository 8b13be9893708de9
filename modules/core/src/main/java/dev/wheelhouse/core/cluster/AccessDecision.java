package dev.wheelhouse.core.cluster;

/**
 * The answer to "may I do this?" (a SelfSubjectAccessReview).
 *
 * @param verdict ALLOWED, DENIED, or UNKNOWN when the question could not be asked (unreachable ...)
 * @param reason a line to show on a disabled action: the API server's reason, or why it is unknown
 */
public record AccessDecision(Verdict verdict, String reason) {
    public enum Verdict {
        ALLOWED,
        DENIED,
        UNKNOWN
    }

    public AccessDecision {
        reason = reason == null ? "" : reason;
    }

    public boolean allowed() {
        return verdict == Verdict.ALLOWED;
    }
}
