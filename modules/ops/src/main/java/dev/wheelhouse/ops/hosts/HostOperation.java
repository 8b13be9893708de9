package dev.wheelhouse.ops.hosts;

import dev.wheelhouse.core.history.OperationKind;
import dev.wheelhouse.ops.CancelSignal;
import dev.wheelhouse.ops.OperationEngine;
import dev.wheelhouse.ops.OperationListener;
import dev.wheelhouse.ops.OperationPlan;
import dev.wheelhouse.ops.OperationResult;
import dev.wheelhouse.ops.PlannedStep;
import java.util.List;

/**
 * A planned deploy or rollback on hosts: the engine's plan and the hosts it acts on. Running it
 * always ends with every lock it took released (the plan's record step does it; this is the
 * backstop for a cancel before anything ran) and every connection closed.
 */
public final class HostOperation implements AutoCloseable {
    private final OperationKind kind;
    private final String environment;
    private final String application;
    private final String target;
    private final String toVersion;
    private final String reason;
    private final List<PlannedStep> steps;
    private final HostFleet fleet;
    private final List<List<String>> batches;

    HostOperation(OperationKind kind, String environment, String application, String target, String toVersion, String reason,
                  List<PlannedStep> steps, HostFleet fleet, List<List<String>> batches) {
        this.kind = kind;
        this.environment = environment;
        this.application = application;
        this.target = target;
        this.toVersion = toVersion;
        this.reason = reason;
        this.steps = List.copyOf(steps);
        this.fleet = fleet;
        this.batches = List.copyOf(batches);
    }

    /**
     * The engine's plan; its "from" is the versions the hosts were on, once they were read
     * ({@link HostFleet#inspect()}), so the history says what the operation started from.
     */
    public OperationPlan plan() {
        return new OperationPlan(kind, environment, application, target, fleet.fromVersions(),
                toVersion != null ? toVersion : fleet.targetVersions(), reason, steps);
    }

    public HostFleet fleet() {
        return fleet;
    }

    /** The host aliases of each batch, in order. */
    public List<List<String>> batches() {
        return batches;
    }

    /** Blocking: runs the plan, journaled, and says where each host ended. */
    public Result run(OperationEngine engine, OperationListener listener, CancelSignal cancel) {
        try {
            if (!fleet.inspected()) {
                // Read the hosts first so the journal's "from" is known; the preflight reads again and judges.
                fleet.inspect();
            }
            OperationResult result = engine.run(plan(), listener, cancel);
            return new Result(result, fleet.outcomes());
        } finally {
            fleet.close();
        }
    }

    @Override
    public void close() {
        fleet.close();
    }

    public record Result(OperationResult operation, List<HostFleet.HostOutcome> hosts) {
        public Result {
            hosts = List.copyOf(hosts);
        }
    }
}
