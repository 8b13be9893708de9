package dev.wheelhouse.core.history;

/**
 * What is known when an operation begins. Optional fields may be null. Never put a secret in
 * any field: the history is a plain file the operator may share.
 *
 * @param linkedTo the operation this one follows from (the failed deploy an automatic rollback
 *        undoes), or null
 */
public record OperationStart(
        OperationKind kind,
        String environment,
        String application,
        String target,
        String fromVersion,
        String toVersion,
        String operator,
        String reason,
        Long linkedTo) {

    public OperationStart(OperationKind kind, String environment, String application, String target, String fromVersion,
                          String toVersion, String operator, String reason) {
        this(kind, environment, application, target, fromVersion, toVersion, operator, reason, null);
    }
}
