package dev.wheelhouse.core.cluster;

import java.time.Instant;

/** CPU (millicores) and memory (bytes) in use at one moment: one point of a metrics chart. */
public record Usage(Instant at, long cpuMillis, long memoryBytes) {}
