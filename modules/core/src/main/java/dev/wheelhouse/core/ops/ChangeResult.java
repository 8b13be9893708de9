package dev.wheelhouse.core.ops;

/** What a write did: changed is false when the workload already was as asked (nothing was sent). */
public record ChangeResult(boolean changed, String message) {}
