package dev.wheelhouse.ops.kube;

import java.time.Duration;

/**
 * What the operator chose on the confirm page (or on the command line).
 *
 * @param reason why, journaled and written into the change-cause ("" for none)
 * @param confirmation the environment's name as typed; checked in production
 * @param breakLock take the lock over from its holder (journaled as such)
 * @param rollbackOnFailure after a failed deploy, roll back to the revision it replaced
 * @param timeout how long to watch the rollout
 */
public record OpsChoices(String reason, String confirmation, boolean breakLock, boolean rollbackOnFailure, Duration timeout) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

    public OpsChoices {
        reason = reason == null ? "" : reason.strip();
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
    }

    public static OpsChoices of(String reason, String confirmation) {
        return new OpsChoices(reason, confirmation, false, false, DEFAULT_TIMEOUT);
    }

    public OpsChoices withBreakLock(boolean value) {
        return new OpsChoices(reason, confirmation, value, rollbackOnFailure, timeout);
    }

    public OpsChoices withRollbackOnFailure(boolean value) {
        return new OpsChoices(reason, confirmation, breakLock, value, timeout);
    }

    public OpsChoices withTimeout(Duration value) {
        return new OpsChoices(reason, confirmation, breakLock, rollbackOnFailure, value);
    }
}
