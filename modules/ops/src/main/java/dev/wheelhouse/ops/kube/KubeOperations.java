package dev.wheelhouse.ops.kube;

import dev.wheelhouse.core.cluster.AccessDecision;
import dev.wheelhouse.core.history.HistoryQuery;
import dev.wheelhouse.core.history.HistoryStore;
import dev.wheelhouse.core.history.OperationRecord;
import dev.wheelhouse.core.history.StepRecord;
import dev.wheelhouse.core.history.OperationKind;
import dev.wheelhouse.core.history.Outcome;
import dev.wheelhouse.core.history.StepStatus;
import dev.wheelhouse.core.ops.ChangeResult;
import dev.wheelhouse.core.ops.Images;
import dev.wheelhouse.core.ops.LockGateway;
import dev.wheelhouse.core.ops.LockHolder;
import dev.wheelhouse.core.ops.Revision;
import dev.wheelhouse.core.ops.RollbackResult;
import dev.wheelhouse.core.ops.RolloutGateway;
import dev.wheelhouse.core.ops.RolloutStatus;
import dev.wheelhouse.core.ops.TemplateDiff;
import dev.wheelhouse.core.ops.TemplateFields;
import dev.wheelhouse.core.ops.WorkloadRef;
import dev.wheelhouse.core.ops.WorkloadState;
import dev.wheelhouse.core.workspace.WorkloadKind;
import dev.wheelhouse.ops.CancelSignal;
import dev.wheelhouse.ops.Guardrails;
import dev.wheelhouse.ops.OperationEngine;
import dev.wheelhouse.ops.OperationPlan;
import dev.wheelhouse.ops.OperationResult;
import dev.wheelhouse.ops.OpsInputException;
import dev.wheelhouse.ops.PlannedStep;
import dev.wheelhouse.ops.RunMarkers;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * Guided Kubernetes operations — rollback, deploy, promote, restart, scale — for the window's
 * wizards and the headless commands alike: one implementation, journaled by the
 * {@link OperationEngine} step by step (preflight, lock, execute, watch, verify, record).
 *
 * <p>How the window uses it (every call blocks: run it through {@code UiExecutor}, never on the
 * FX thread):
 * <ol>
 *   <li>Resolve the target: {@link OpsTarget#of(dev.wheelhouse.core.workspace.Environment,
 *       dev.wheelhouse.core.workspace.Application)} from the version matrix, or
 *       {@link OpsTarget#of(dev.wheelhouse.core.workspace.Environment, dev.wheelhouse.core.cluster.RowKey, List)}
 *       from a workload row.</li>
 *   <li>Propose: {@link #proposeRollback} gives the revisions (newest first, with who/why from
 *       the history), the current one, the suggested target, the preflight {@link Finding}s and
 *       the lock holder; {@link RollbackProposal#diffTo} the template diff of a chosen revision.
 *       {@link #proposeDeploy}, {@link #proposePromote}, {@link #proposeRestart} and
 *       {@link #proposeScale} do the same for the other operations. A PAUSED finding offers
 *       {@link #resume}; a LOCK_HELD one offers breaking the lock ({@link OpsChoices#breakLock()}).</li>
 *   <li>Confirm: {@link #prepareRollback} / {@link #prepareChange} with the user's
 *       {@link OpsChoices} (reason, the environment's name as typed in production, break lock,
 *       rollback on failure, timeout). They throw {@link OpsInputException} (nothing changed,
 *       nothing journaled) when a guardrail or a blocking finding stops it; the
 *       {@link PreparedOperation#plan()} lists the steps to show.</li>
 *   <li>Run: {@link #run} with a {@link KubeListener} (steps as they start and finish, the
 *       rollout line and the pods as they change: coalesce them onto the FX thread) and a
 *       {@link CancelSignal} for the Cancel button (before execute nothing changes; after, it
 *       stops watching and records where things stood). The {@link KubeRun} says how it ended,
 *       including the linked rollback of a failed deploy.</li>
 *   <li>Crash safety: {@link #interrupted} lists the operations whose process died mid-way (show
 *       them as "interrupted at STEP"); {@link #recheck} re-reads the rollout and finishes such a
 *       record by appending to it.</li>
 * </ol>
 *
 * <p>Make it with {@code services.kubeOperations().open(kubeconfig).operations(history,
 * RunMarkers.in(services.dataDir()))} (the user's kubeconfig, or a sandbox session's): the run
 * markers are what lets another process tell a running operation from an interrupted one.
 */
public final class KubeOperations {
    /**
     * @param poll how often a watch reads the rollout status (the pods at most every 500 ms, and
     *        whenever the status changes)
     * @param leaseDuration how long the lock outlives its holder's last renewal
     * @param watchPods whether the watch lists the pods (for progress) as well as the status
     */
    public record Settings(Duration poll, Duration leaseDuration, boolean watchPods) {
        public static final Settings DEFAULTS = new Settings(Duration.ofMillis(100), Duration.ofSeconds(30), true);

        public Settings withPoll(Duration value) {
            return new Settings(value, leaseDuration, watchPods);
        }

        public Settings withLeaseDuration(Duration value) {
            return new Settings(poll, value, watchPods);
        }
    }

    private final RolloutGateway rollouts;
    private final LockGateway locks;
    private final HistoryStore history;
    private final OperationEngine engine;
    private final Settings settings;
    private final Clock clock;
    private final KubeSteps steps;

    public KubeOperations(RolloutGateway rollouts, LockGateway locks, HistoryStore history) {
        this(rollouts, locks, history, new OperationEngine(history), Settings.DEFAULTS, Clock.systemUTC());
    }

    public KubeOperations(RolloutGateway rollouts, LockGateway locks, HistoryStore history, OperationEngine engine,
                          Settings settings, Clock clock) {
        this.rollouts = Objects.requireNonNull(rollouts);
        this.locks = Objects.requireNonNull(locks);
        this.history = Objects.requireNonNull(history);
        this.engine = Objects.requireNonNull(engine);
        this.settings = Objects.requireNonNull(settings);
        this.clock = Objects.requireNonNull(clock);
        this.steps = new KubeSteps(rollouts, locks, settings, engine.operator());
    }

    public String operator() {
        return engine.operator();
    }

    // ---- proposals (blocking reads; nothing is changed or journaled) ---------------------

    /**
     * Everything the rollback wizard shows before confirm.
     *
     * @throws dev.wheelhouse.core.ops.RolloutRefusedException when the workload cannot be read (not found, 403, bad kubeconfig)
     */
    public RollbackProposal proposeRollback(OpsTarget target) {
        WorkloadRef ref = target.workload();
        Reads reads = new Reads(target);
        WorkloadState state = reads.state;
        RolloutStatus status = reads.status;
        List<RevisionRow> rows = reads.rows;
        RevisionRow current = rows.stream().filter(r -> r.revision().current()).findFirst().orElse(null);
        RevisionRow suggested = RevisionRows.suggested(rows, current);
        Optional<LockHolder> lock = reads.lock;
        List<Finding> findings = new ArrayList<>(Preflight.findings(target, state, status, lock, reads.access, operator(),
                clock.instant(), true));
        if (suggested == null && findings.stream().noneMatch(f -> f.code() == Finding.Code.NO_HISTORY)) {
            findings.add(new Finding(Finding.Severity.BLOCKER, Finding.Code.NO_HISTORY, ref.kubectlName() + " has no revision before "
                    + (current == null ? "the current one" : "revision " + current.number()), "there is nothing to roll back to"));
        }
        return new RollbackProposal(target, state, status, rows, current, suggested, findings, lock);
    }

    /** A new image for the application's container; the image is validated first. */
    public ChangeProposal proposeDeploy(OpsTarget target, String image) {
        String valid = ImageReference.validate(image);
        return change(OperationKind.DEPLOY, target, valid, null, null);
    }

    /** The image the same application runs in another environment. */
    public ChangeProposal proposePromote(OpsTarget target, OpsTarget from) {
        if (from.environment().name().equals(target.environment().name())) {
            throw new OpsInputException("promote needs another environment than '" + target.environment().name() + "'");
        }
        WorkloadState source = rollouts.state(from.workload());
        String image = Images.of(source.images(), from.container());
        if (image == null) {
            throw new OpsInputException(from.describe() + " runs no container to promote from");
        }
        return change(OperationKind.PROMOTE, target, ImageReference.validate(image), from.environment().name(), null);
    }

    public ChangeProposal proposeRestart(OpsTarget target) {
        return change(OperationKind.RESTART, target, null, null, null);
    }

    public ChangeProposal proposeScale(OpsTarget target, int replicas) {
        if (replicas < 0) {
            throw new OpsInputException("--replicas must be 0 or more, not " + replicas);
        }
        if (target.workload().kind() == WorkloadKind.DAEMONSET) {
            throw new OpsInputException(target.workload().kubectlName() + " is a DaemonSet: it runs one pod per node and cannot be scaled");
        }
        return change(OperationKind.SCALE, target, null, null, replicas);
    }

    private ChangeProposal change(OperationKind kind, OpsTarget target, String image, String from, Integer replicas) {
        Reads reads = new Reads(target);
        WorkloadState state = reads.state;
        RolloutStatus status = reads.status;
        RevisionRow current = reads.rows.stream().filter(r -> r.revision().current()).findFirst().orElse(null);
        Optional<LockHolder> lock = reads.lock;
        List<Finding> findings = Preflight.findings(target, state, status, lock, reads.access, operator(), clock.instant(), false);
        List<TemplateDiff.Line> diff = List.of();
        if (image != null) {
            String container = container(state, target);
            Map<String, String> after = new HashMap<>(state.template().fields());
            after.put("container/" + container + "/image", image);
            diff = TemplateDiff.between(state.template(), new TemplateFields(after));
            if (diff.isEmpty()) {
                throw new OpsInputException(target.describe() + " already runs " + image + ": nothing to deploy");
            }
        } else if (replicas != null) {
            diff = List.of(new TemplateDiff.Line(TemplateDiff.Area.OTHER, "replicas", Integer.toString(state.replicas()),
                    Integer.toString(replicas)));
        }
        return new ChangeProposal(kind, target, state, status, current, image, from, replicas, diff, findings, lock);
    }

    /** kubectl's `rollout resume`, the remedy of a PAUSED finding. Propose again afterwards. */
    public ChangeResult resume(OpsTarget target) {
        Guardrails.check(target.environment(), "resume " + target.workload().kubectlName(), target.environment().name());
        return rollouts.resume(target.workload());
    }

    /**
     * What a proposal reads, read at once: each is a round trip (and the history may still be
     * opening), so together they take as long as the slowest instead of the sum.
     */
    private final class Reads {
        final WorkloadState state;
        final RolloutStatus status;
        final List<RevisionRow> rows;
        final Optional<LockHolder> lock;
        final AccessDecision access;

        Reads(OpsTarget target) {
            WorkloadRef ref = target.workload();
            try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
                var state = pool.submit(() -> rollouts.state(ref));
                var status = pool.submit(() -> rollouts.status(ref));
                var revisions = pool.submit(() -> rollouts.revisions(ref));
                var journal = pool.submit(() -> RevisionRows.journal(target, history));
                var lock = pool.submit(() -> locks.holder(target.lockKey()));
                var access = pool.submit(() -> access(ref));
                this.state = get(state);
                this.status = get(status);
                this.rows = RevisionRows.of(get(revisions), target, get(journal), clock.instant());
                this.lock = get(lock);
                this.access = get(access);
            }
        }

        private static <T> T get(java.util.concurrent.Future<T> future) {
            try {
                return future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading the workload", e);
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    private AccessDecision access(WorkloadRef ref) {
        try {
            return rollouts.canI(ref.context(), "patch", ref.resource(), ref.namespace());
        } catch (RuntimeException e) {
            return new AccessDecision(AccessDecision.Verdict.UNKNOWN, e.getMessage());
        }
    }

    // ---- prepare (after confirm) ----------------------------------------------------------

    /**
     * The rollback to {@code revision} (0: the proposal's suggested one), checked against the
     * guardrails and the blocking findings.
     *
     * @throws OpsInputException when refused, or when the workload already runs that revision
     */
    public PreparedOperation prepareRollback(RollbackProposal p, long revision, OpsChoices choices) {
        return prepareRollback(p, revision, choices, null);
    }

    private PreparedOperation prepareRollback(RollbackProposal p, long revision, OpsChoices choices, Long linkedTo) {
        OpsTarget target = p.target();
        Guardrails.check(target.environment(), "roll back", choices.confirmation());
        RevisionRow to = revision == 0 ? p.suggested() : p.revision(revision).orElseThrow(() -> new OpsInputException(
                target.workload().kubectlName() + " has no revision " + revision + " (it has: "
                        + p.revisions().stream().map(r -> Long.toString(r.number())).sorted().collect(Collectors.joining(", "))
                        + "); nothing was changed"));
        refuseBlockers(p.findings(), choices);
        if (to == null) {
            throw new OpsInputException(target.workload().kubectlName() + " has no earlier revision to roll back to; nothing was changed");
        }
        if (p.current() != null && p.current().number() == to.number()) {
            throw new OpsInputException(target.workload().kubectlName() + " already runs revision " + to.number() + ": nothing to do");
        }
        String changeCause = changeCause(choices, "rollback to revision " + to.number() + " with wheelhouse");
        long number = to.number();
        String replicaSet = to.revision().replicaSet();
        AtomicReference<PreparedOperation> self = new AtomicReference<>();
        KubeSteps.Job job = new KubeSteps.Job() {
            @Override
            public String preflight() {
                WorkloadState state = rollouts.state(target.workload());
                if (state.paused()) {
                    throw new OpsInputException(target.workload().kubectlName() + " was paused since the plan was made: resume it first");
                }
                Revision now = rollouts.revisions(target.workload()).stream().filter(r -> r.number() == number).findFirst()
                        .orElseThrow(() -> new OpsInputException("revision " + number + " is gone since the plan was made"));
                if (!now.replicaSet().equals(replicaSet)) {
                    throw new OpsInputException("the revisions changed since the plan was made: revision " + number + " is now "
                            + describe(now));
                }
                RolloutStatus status = rollouts.status(target.workload());
                self.get().last.set(status);
                return "not paused; " + describe(p.current()) + " -> " + describe(to) + "; " + status.counts();
            }

            @Override
            public ChangeResult execute() {
                RollbackResult result = rollouts.rollback(target.workload(), number, changeCause);
                return new ChangeResult(result.changed(), result.message() + (result.changed()
                        ? "; change-cause \"" + changeCause + "\"" : ""));
            }

            @Override
            public List<String> expectedImages() {
                return to.revision().images();
            }
        };
        String fromTo = " from " + describe(p.current()) + " to " + describe(to);
        String summary = "roll back " + target.describe() + fromTo;
        OperationPlan plan = new OperationPlan(OperationKind.ROLLBACK, target.environment().name(), target.application(),
                target.workload().journalName(), version(p.current(), target), to.version(), choices.reason().isEmpty() ? null
                : choices.reason(), steps.build(self::get, job), linkedTo);
        PreparedOperation op = new PreparedOperation(plan, target, summary, "rolled back " + target.describe() + fromTo,
                p.diffTo(to), choices, linkedTo, 0);
        self.set(op);
        return op;
    }

    /** The deploy, promote, restart or scale of a proposal, checked against the guardrails and the blocking findings. */
    public PreparedOperation prepareChange(ChangeProposal p, OpsChoices choices) {
        OpsTarget target = p.target();
        String verb = switch (p.kind()) {
            case DEPLOY -> "deploy";
            case PROMOTE -> "promote";
            case RESTART -> "restart";
            case SCALE -> "scale";
            default -> throw new IllegalArgumentException(p.kind() + " is not a change");
        };
        Guardrails.check(target.environment(), verb, choices.confirmation());
        refuseBlockers(p.findings(), choices);
        WorkloadRef ref = target.workload();
        String container = container(p.state(), target);
        List<String> expected = switch (p.kind()) {
            case DEPLOY, PROMOTE -> p.state().images().stream()
                    .map(i -> i.startsWith(container + "=") ? container + "=" + p.image() : i).toList();
            default -> p.state().images();
        };
        String what = switch (p.kind()) {
            case DEPLOY -> "deploy " + p.image();
            case PROMOTE -> "promote " + p.image() + " from " + p.promotedFrom();
            case RESTART -> "restart";
            default -> "scale to " + p.replicas() + " replicas";
        };
        String past = switch (p.kind()) {
            case DEPLOY -> "deployed " + p.image();
            case PROMOTE -> "promoted " + p.image() + " from " + p.promotedFrom();
            case RESTART -> "restarted";
            default -> "scaled to " + p.replicas() + " replicas";
        };
        String changeCause = changeCause(choices, what + " with wheelhouse");
        AtomicReference<PreparedOperation> self = new AtomicReference<>();
        KubeSteps.Job job = new KubeSteps.Job() {
            @Override
            public String preflight() {
                WorkloadState state = rollouts.state(ref);
                if (state.paused()) {
                    throw new OpsInputException(ref.kubectlName() + " is paused: resume it first");
                }
                RolloutStatus status = rollouts.status(ref);
                self.get().last.set(status);
                return "not paused; " + what + "; now " + String.join(", ", state.images()) + "; " + status.counts();
            }

            @Override
            public ChangeResult execute() {
                return switch (p.kind()) {
                    case DEPLOY, PROMOTE -> rollouts.setImage(ref, container, p.image(), changeCause);
                    case RESTART -> rollouts.restart(ref, clock.instant(), changeCause);
                    default -> rollouts.scale(ref, p.replicas());
                };
            }

            @Override
            public List<String> expectedImages() {
                return expected;
            }
        };
        String fromVersion = Images.version(Images.of(p.state().images(), container));
        String toVersion = p.image() != null ? Images.version(p.image()) : fromVersion;
        String summary = what + " on " + target.describe() + (p.image() != null ? " (now " + Images.of(p.state().images(), container) + ")" : "");
        OperationPlan plan = new OperationPlan(p.kind(), target.environment().name(), target.application(), ref.journalName(),
                fromVersion, toVersion, choices.reason().isEmpty() ? null : choices.reason(), steps.build(self::get, job));
        long previous = p.current() == null ? 0 : p.current().number();
        PreparedOperation op = new PreparedOperation(plan, target, summary, past + " on " + target.describe(), p.diff(), choices,
                null, previous);
        self.set(op);
        return op;
    }

    private static void refuseBlockers(List<Finding> findings, OpsChoices choices) {
        for (Finding f : findings) {
            if (f.blocks() && !(f.code() == Finding.Code.LOCK_HELD && choices.breakLock())) {
                throw new OpsInputException(f.message() + (f.remedy().isEmpty() ? "" : ": " + f.remedy()) + " (nothing was changed)");
            }
        }
    }

    private String changeCause(OpsChoices choices, String fallback) {
        return operator() + ": " + (choices.reason().isEmpty() ? fallback : choices.reason());
    }

    private static String container(WorkloadState state, OpsTarget target) {
        if (target.container() != null && state.images().stream().anyMatch(i -> i.startsWith(target.container() + "="))) {
            return target.container();
        }
        if (state.images().isEmpty()) {
            throw new OpsInputException(target.describe() + " has no containers");
        }
        if (target.container() != null) {
            throw new OpsInputException(target.describe() + " has no container '" + target.container() + "' (it has: "
                    + state.images().stream().map(i -> i.substring(0, i.indexOf('='))).collect(Collectors.joining(", ")) + ")");
        }
        String first = state.images().getFirst();
        return first.substring(0, first.indexOf('='));
    }

    // ---- run ------------------------------------------------------------------------------

    /**
     * Runs a prepared operation to its end on the calling thread (blocking) and journals it. A
     * failed deploy or promote that changed the workload is rolled back to the revision it
     * replaced when {@link OpsChoices#rollbackOnFailure()} is chosen or the application is set to
     * ({@link OpsTarget#rollbackOnFailure()}), as a second operation linked to the first, under
     * the same lock.
     */
    public KubeRun run(PreparedOperation op, KubeListener listener, CancelSignal cancel) {
        KubeListener l = listener == null ? KubeListener.NONE : listener;
        op.listener = l;
        boolean mayRollBack = (op.choices.rollbackOnFailure() || op.target().rollbackOnFailure()) && op.previousRevision > 0
                && (op.plan().kind() == OperationKind.DEPLOY || op.plan().kind() == OperationKind.PROMOTE);
        try {
            OperationResult result = engine.run(op.plan(), new Tracker(op, l, mayRollBack), cancel);
            KubeRun rollback = null;
            if (result.outcome() == Outcome.FAILED && op.changed() && mayRollBack) {
                rollback = rollBackFailed(op, result, l);
            }
            return new KubeRun(result, op.changed(), op.last.get(), summarize(op, result, rollback), rollback);
        } finally {
            if (op.keeper != null) {
                op.keeper.close();
            }
        }
    }

    private KubeRun rollBackFailed(PreparedOperation failed, OperationResult result, KubeListener l) {
        OpsTarget target = failed.target();
        RollbackProposal proposal = proposeRollback(target);
        OpsChoices choices = new OpsChoices("automatic rollback after failed " + failed.plan().kind().id() + " (operation "
                + result.operationId() + ")", target.environment().name(), true, false, failed.choices.timeout());
        PreparedOperation rollback = prepareRollback(proposal, failed.previousRevision, choices, result.operationId());
        rollback.keeper = failed.keeper;
        failed.keeper = null;
        l.rollingBack(result.operationId(), rollback);
        return run(rollback, l, CancelSignal.none());
    }

    /** Records what the steps learn for the summary, and keeps the lock for a rollback that will follow. */
    private static final class Tracker implements KubeListener {
        private final PreparedOperation op;
        private final KubeListener delegate;
        private final boolean mayRollBack;

        Tracker(PreparedOperation op, KubeListener delegate, boolean mayRollBack) {
            this.op = op;
            this.delegate = delegate;
            this.mayRollBack = mayRollBack;
        }

        @Override
        public void operationStarted(long operationId, OperationPlan plan) {
            op.operationId = operationId;
            delegate.operationStarted(operationId, plan);
        }

        @Override
        public void stepStarted(long operationId, int sequence, PlannedStep step) {
            delegate.stepStarted(operationId, sequence, step);
        }

        @Override
        public void stepFinished(long operationId, int sequence, PlannedStep step, StepStatus status, String output) {
            if (status == StepStatus.FAILED) {
                op.failed = true;
                op.keepLock = mayRollBack && op.changed();
            }
            delegate.stepFinished(operationId, sequence, step, status, output);
        }

        @Override
        public void operationFinished(long operationId, Outcome outcome) {
            delegate.operationFinished(operationId, outcome);
        }
    }

    private static String summarize(PreparedOperation op, OperationResult result, KubeRun rollback) {
        RolloutStatus last = op.last.get();
        String where = last == null ? "" : "; where things stood: " + last.message() + " (" + last.counts() + ")";
        if (result.outcome() == Outcome.SUCCEEDED) {
            OperationResult.StepOutcome record = result.steps().stream().filter(s -> s.name().equals("record")).findFirst().orElse(null);
            return op.done() + (record == null ? "" : "; " + record.output()) + " (operation " + result.operationId() + ")";
        }
        String what = op.plan().kind().id() + " of " + op.target().describe() + " " + result.outcome().name().toLowerCase(java.util.Locale.ROOT)
                + (result.failure() == null ? "" : " at " + result.failure());
        String changed = op.changed() ? "; the change was applied (" + op.change.get().message() + ")" : "; nothing was changed";
        if (rollback != null) {
            return what + changed + "; rolled back (operation " + rollback.operationId() + "): "
                    + (rollback.verified() ? "verified" : rollback.summary()) + " (operation " + result.operationId() + ")";
        }
        return what + changed + where + " (operation " + result.operationId() + ")";
    }

    // ---- crash safety ---------------------------------------------------------------------

    /**
     * Operations of an environment and application (null: any) journaled as RUNNING that no live
     * process runs: their process died at their last journaled step. Newest first.
     */
    public List<OperationRecord> interrupted(String environment, String application) {
        RunMarkers markers = engine.markers();
        return history.list(new HistoryQuery(environment, application, 200)).stream()
                .filter(op -> op.outcome() == Outcome.RUNNING && (markers == null || markers.interrupted(op)))
                .toList();
    }

    /**
     * Finishes the record of an interrupted operation: re-reads the rollout, journals the step
     * that was cut short as FAILED ("interrupted"), a "recheck" step saying where things stand,
     * and the outcome (SUCCEEDED when the rollout is complete at the version the operation
     * aimed for; CANCELLED when it died before executing; FAILED otherwise). Only appends.
     *
     * A rollout still in progress is watched for up to {@code wait} first.
     *
     * @throws OpsInputException when the operation is unknown, finished, or still running
     */
    public KubeRun recheck(long operationId, Duration wait) {
        OperationRecord op = history.operation(operationId).orElseThrow(() ->
                new OpsInputException("there is no operation " + operationId + " in the history"));
        if (op.outcome() != Outcome.RUNNING) {
            throw new OpsInputException("operation " + operationId + " is not interrupted: it " + op.outcome().name()
                    .toLowerCase(java.util.Locale.ROOT) + " at " + op.finished());
        }
        RunMarkers markers = engine.markers();
        if (markers != null && markers.alive(operationId)) {
            throw new OpsInputException("operation " + operationId + " is still running in another process");
        }
        WorkloadRef ref = WorkloadRef.parseJournalName(op.target()).orElseThrow(() -> new OpsInputException(
                "operation " + operationId + " names no Kubernetes workload (" + op.target() + "): nothing to recheck"));
        List<OperationResult.StepOutcome> outcomes = new ArrayList<>();
        String cutShort = "";
        for (StepRecord step : op.steps()) {
            if (step.status() == StepStatus.STARTED) {
                String note = "interrupted: the process ended while this step ran";
                history.finishStep(operationId, step.sequence(), StepStatus.FAILED, note);
                outcomes.add(new OperationResult.StepOutcome(step.sequence(), step.name(), StepStatus.FAILED, note));
                cutShort = step.name();
            } else {
                outcomes.add(new OperationResult.StepOutcome(step.sequence(), step.name(), step.status(),
                        step.output() == null ? "" : step.output()));
            }
        }
        boolean executed = op.steps().stream().anyMatch(s -> s.name().equals(StepPhaseNames.EXECUTE));
        int sequence = history.startStep(operationId, "recheck");
        RolloutStatus status;
        Outcome outcome;
        String output;
        try {
            status = rollouts.status(ref);
            long deadline = System.nanoTime() + wait.toNanos();
            while (executed && status.state() == RolloutStatus.State.IN_PROGRESS && System.nanoTime() < deadline) {
                sleep(settings.poll());
                status = rollouts.status(ref);
            }
            String running = Images.version(Images.of(status.images(), null));
            boolean atTarget = op.toVersion() == null || status.images().stream()
                    .anyMatch(i -> op.toVersion().equals(Images.version(i.substring(i.indexOf('=') + 1))));
            output = "interrupted at " + (cutShort.isEmpty() ? "its last step" : cutShort) + "; now: " + status.message()
                    + " (" + status.counts() + "), running " + String.join(", ", status.images());
            if (!executed) {
                outcome = Outcome.CANCELLED;
                output += "; it ended before executing: nothing was changed by it";
            } else if (status.allAvailable() && atTarget) {
                outcome = Outcome.SUCCEEDED;
                output += "; rolled out at " + op.toVersion();
            } else {
                outcome = Outcome.FAILED;
                output += atTarget ? "; not rolled out" : "; not at " + op.toVersion() + " (runs " + running + ")";
            }
            history.finishStep(operationId, sequence, outcome == Outcome.FAILED ? StepStatus.FAILED : StepStatus.SUCCEEDED, output);
        } catch (RuntimeException e) {
            output = "could not read the rollout of " + ref.kubectlName() + ": " + e.getMessage();
            history.finishStep(operationId, sequence, StepStatus.FAILED, output);
            outcomes.add(new OperationResult.StepOutcome(sequence, "recheck", StepStatus.FAILED, output));
            throw new IllegalStateException(output + " (operation " + operationId + " stays interrupted; recheck again later)", e);
        }
        outcomes.add(new OperationResult.StepOutcome(sequence, "recheck",
                outcome == Outcome.FAILED ? StepStatus.FAILED : StepStatus.SUCCEEDED, output));
        history.finishOperation(operationId, outcome);
        OperationResult result = new OperationResult(operationId, outcome, outcomes, outcome == Outcome.FAILED ? "recheck: " + output : null);
        return new KubeRun(result, executed, status, "operation " + operationId + " (" + op.kind().id() + " of " + ref.kubectlName()
                + " in " + op.environment() + ") " + outcome.name().toLowerCase(java.util.Locale.ROOT) + ": " + output, null);
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rechecking", e);
        }
    }

    /** The journaled names of the phases this class reads back. */
    private static final class StepPhaseNames {
        static final String EXECUTE = dev.wheelhouse.ops.StepPhase.EXECUTE.id();
    }

    // ---- words ----------------------------------------------------------------------------

    static String describe(Revision r) {
        if (r == null) {
            return "an unknown revision";
        }
        return "revision " + r.number() + " (" + String.join(", ", r.images()) + ")";
    }

    static String describe(RevisionRow r) {
        return r == null ? "an unknown revision" : describe(r.revision());
    }

    private static String version(RevisionRow r, OpsTarget target) {
        return r == null ? null : r.version();
    }
}
