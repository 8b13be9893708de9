package dev.wheelhouse.ops.kube;

import dev.wheelhouse.core.history.StepStatus;
import dev.wheelhouse.core.ops.ChangeResult;
import dev.wheelhouse.core.ops.LockGateway;
import dev.wheelhouse.core.ops.PodState;
import dev.wheelhouse.core.ops.RolloutGateway;
import dev.wheelhouse.core.ops.RolloutStatus;
import dev.wheelhouse.core.ops.WorkloadRef;
import dev.wheelhouse.ops.CancelSignal;
import dev.wheelhouse.ops.PlannedStep;
import dev.wheelhouse.ops.StepPhase;
import dev.wheelhouse.ops.StepResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * The six steps of every Kubernetes operation: preflight (re-read, refuse if the world changed
 * since the proposal), lock (the application's Lease), execute (the job's one write), watch
 * (kubectl's rollout-status logic, pods as they change), verify (all available, the expected
 * images, no crash loops among the new pods), record (where things stand; the lock released).
 */
final class KubeSteps {
    /** What differs between operations: the re-check, the write, and the images it should leave running. */
    interface Job {
        String preflight() throws Exception;

        ChangeResult execute() throws Exception;

        /** The "container=image" list the workload should run afterwards. */
        List<String> expectedImages();
    }

    private static final long PODS_EVERY_NANOS = 500_000_000L;

    private final RolloutGateway rollouts;
    private final LockGateway locks;
    private final KubeOperations.Settings settings;
    private final String operator;

    KubeSteps(RolloutGateway rollouts, LockGateway locks, KubeOperations.Settings settings, String operator) {
        this.rollouts = rollouts;
        this.locks = locks;
        this.settings = settings;
        this.operator = operator;
    }

    List<PlannedStep> build(Supplier<PreparedOperation> self, Job job) {
        WorkloadRefHolder ref = new WorkloadRefHolder(self);
        return List.of(
                PlannedStep.of(StepPhase.PREFLIGHT, cancel -> StepResult.ok(job.preflight())),
                PlannedStep.of(StepPhase.LOCK, cancel -> lock(self.get())),
                PlannedStep.of(StepPhase.EXECUTE, cancel -> execute(self.get(), job)),
                PlannedStep.of(StepPhase.WATCH, cancel -> watch(self.get(), cancel)),
                PlannedStep.of(StepPhase.VERIFY, cancel -> verify(self.get(), job)),
                PlannedStep.of(StepPhase.RECORD, cancel -> record(self.get(), ref.get())));
    }

    private record WorkloadRefHolder(Supplier<PreparedOperation> op) {
        WorkloadRef get() {
            return op.get().target().workload();
        }
    }

    private StepResult lock(PreparedOperation op) {
        LeaseKeeper keeper = op.keeper;
        if (keeper == null) {
            keeper = new LeaseKeeper(locks, op.target().lockKey(), operator, settings.leaseDuration());
            op.keeper = keeper;
        }
        String what = op.plan().kind().id() + " " + op.target().application() + " in " + op.target().environment().name()
                + " (operation " + op.operationId + ")";
        return StepResult.ok(keeper.take(what, op.choices.breakLock()));
    }

    private StepResult execute(PreparedOperation op, KubeSteps.Job job) throws Exception {
        op.executedAt.set(Instant.now());
        ChangeResult result = job.execute();
        op.change.set(result);
        return result.changed() ? StepResult.ok(result.message()) : StepResult.skipped(result.message());
    }

    private StepResult watch(PreparedOperation op, CancelSignal cancel) throws InterruptedException {
        WorkloadRef ref = op.target().workload();
        Duration timeout = op.choices.timeout();
        long deadline = System.nanoTime() + timeout.toNanos();
        String shown = null;
        List<String> podLines = null;
        List<PodState> pods = List.of();
        long podsRead = 0;
        while (true) {
            RolloutStatus status = rollouts.status(ref);
            op.last.set(status);
            boolean changed = !status.message().equals(shown);
            if (changed) {
                shown = status.message();
                op.listener.rollout(op.operationId, status);
            }
            // The pods are a longer list than the status: read them when something moved, else twice a second.
            if (settings.watchPods() && (changed || status.state() != RolloutStatus.State.IN_PROGRESS
                    || System.nanoTime() - podsRead >= PODS_EVERY_NANOS)) {
                podsRead = System.nanoTime();
                pods = rollouts.pods(ref);
                List<String> lines = pods.stream().map(PodState::describe).toList();
                if (!lines.equals(podLines)) {
                    podLines = lines;
                    op.listener.pods(op.operationId, pods);
                }
            }
            switch (status.state()) {
                case COMPLETE -> {
                    return StepResult.ok(status.message() + " (" + status.counts() + ")");
                }
                case FAILED -> {
                    if (!staleDeadline(status, op)) {
                        return StepResult.failed(status.message() + " (" + status.counts() + ")" + crashing(pods, op));
                    }
                }
                case IN_PROGRESS -> { }
            }
            if (cancel.isCancelled()) {
                return new StepResult(StepStatus.CANCELLED, "stopped watching: " + status.message() + " (" + status.counts() + ")");
            }
            if (op.keeper != null && op.keeper.lost()) {
                return StepResult.failed("the operation lock was taken over by someone else; stopped watching at: "
                        + status.message() + " (" + status.counts() + ")");
            }
            if (System.nanoTime() > deadline) {
                return StepResult.failed("not rolled out after " + timeout.toSeconds() + " s: " + status.message()
                        + " (" + status.counts() + ")" + crashing(pods, op));
            }
            Thread.sleep(settings.poll().toMillis());
        }
    }

    private StepResult verify(PreparedOperation op, KubeSteps.Job job) {
        WorkloadRef ref = op.target().workload();
        RolloutStatus status = rollouts.status(ref);
        op.last.set(status);
        if (!status.allAvailable()) {
            return StepResult.failed("not all available: " + status.message() + " (" + status.counts() + ")");
        }
        List<String> expected = job.expectedImages();
        if (!expected.isEmpty() && !status.images().equals(expected)) {
            return StepResult.failed("running " + String.join(", ", status.images()) + ", not " + String.join(", ", expected));
        }
        List<PodState> fresh = newPods(rollouts.pods(ref), op);
        List<PodState> bad = fresh.stream().filter(p -> p.crashLooping() || p.restarts() > 0).toList();
        if (!bad.isEmpty()) {
            return StepResult.failed("crash loops among the new pods: "
                    + String.join("; ", bad.stream().map(PodState::describe).toList()));
        }
        return StepResult.ok("all available (" + status.counts() + "), running " + String.join(", ", status.images())
                + "; " + fresh.size() + " new pods, no restarts; no health check is configured for Kubernetes applications");
    }

    private StepResult record(PreparedOperation op, WorkloadRef ref) {
        StringBuilder out = new StringBuilder();
        try {
            RolloutStatus status = rollouts.status(ref);
            op.last.set(status);
            out.append(status.message()).append(" (").append(status.counts()).append("), running ")
                    .append(String.join(", ", status.images()));
        } catch (RuntimeException e) {
            out.append("could not read the rollout status: ").append(e.getMessage());
        }
        if (op.keeper != null) {
            if (op.keepLock) {
                out.append("; lock kept for the rollback that follows");
            } else {
                try {
                    String released = op.keeper.release();
                    if (!released.isEmpty()) {
                        out.append("; ").append(released);
                    }
                } catch (RuntimeException e) {
                    out.append("; could not release the lock (it expires on its own): ").append(e.getMessage());
                }
            }
        }
        return StepResult.ok(out.toString());
    }

    /**
     * A deadline exceeded before this operation's write is the previous rollout's: the controller
     * keeps that condition until it sees progress (undoing a failed deploy meets it at once), and
     * kubectl would give up on it. It is watched until it changes or the timeout.
     */
    private static boolean staleDeadline(RolloutStatus status, PreparedOperation op) {
        Instant executed = op.executedAt.get();
        // The API server keeps whole seconds; a deadline this write started is at least a second after it.
        return executed != null && status.progressUpdated() != null
                && !status.progressUpdated().isAfter(executed.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    /** Pods made since the execute step began: the ones this operation's rollout created. */
    private static List<PodState> newPods(List<PodState> pods, PreparedOperation op) {
        Instant since = op.executedAt.get();
        if (since == null) {
            return List.of();
        }
        Instant from = since.minusSeconds(1);
        return pods.stream().filter(p -> p.created() != null && !p.created().isBefore(from)).toList();
    }

    private static String crashing(List<PodState> pods, PreparedOperation op) {
        List<PodState> bad = newPods(pods, op).stream().filter(p -> p.crashLooping() || !p.waitingReason().isEmpty()).toList();
        return bad.isEmpty() ? "" : "; " + String.join("; ", bad.stream().map(PodState::describe).toList());
    }

    static <T> T quietly(Callable<T> call, T fallback) {
        try {
            return call.call();
        } catch (Exception e) {
            return fallback;
        }
    }
}
