package dev.wheelhouse.core.history;

/**
 * What is known when an operation begins. Optional fields may be null. Never put a secret in
 * any field: the history is a plain file the operator may share.
 */
public record OperationStart(
        OperationKind kind,
        String environment,
        String application,
        String target,
        String fromVersion,
        String toVersion,
        String operator,
        String reason) {}
