package dev.wheelhouse.core.ops;

/**
 * What a rollback patched. changed is false when the Deployment already ran the target's
 * template (kubectl says "skipped rollback" then and patches nothing).
 */
public record RollbackResult(Revision from, Revision to, boolean changed, String message) {}
