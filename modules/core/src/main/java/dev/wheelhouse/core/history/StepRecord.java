package dev.wheelhouse.core.history;

import java.time.Instant;

/** One step of an operation; finished is null while it runs. */
public record StepRecord(
        long operationId,
        int sequence,
        String name,
        Instant started,
        Instant finished,
        StepStatus status,
        String output) {}
