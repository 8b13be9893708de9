package dev.wheelhouse.kube;

import dev.wheelhouse.core.cluster.AccessDecision;
import dev.wheelhouse.core.ops.ChangeResult;
import dev.wheelhouse.core.ops.PodState;
import dev.wheelhouse.core.ops.Revision;
import dev.wheelhouse.core.ops.RollbackResult;
import dev.wheelhouse.core.ops.RollbackTarget;
import dev.wheelhouse.core.ops.RolloutGateway;
import dev.wheelhouse.core.ops.RolloutRefusedException;
import dev.wheelhouse.core.ops.RolloutRefusedException.Reason;
import dev.wheelhouse.core.ops.RolloutStatus;
import dev.wheelhouse.core.ops.WorkloadRef;
import dev.wheelhouse.core.ops.WorkloadState;
import dev.wheelhouse.core.workspace.WorkloadKind;
import dev.wheelhouse.kube.render.Selectors;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.FilterWatchListDeletable;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Revisions, rollback, writes and rollout status of Deployments, StatefulSets and DaemonSets with
 * kubectl's semantics (pkg/polymorphichelpers history.go, rollback.go, rollout_status.go), not
 * Fabric8's `rolling().undo()`, which picks ReplicaSets by selector alone, keeps
 * pod-template-hash, copies no change-cause and ignores pause (docs: STACK.md).
 *
 * <p>Every write reads the object and sends a merge patch carrying its resourceVersion, so a
 * change made by someone else in between is a 409 rather than a silent overwrite; a 409 is
 * re-read and retried once.
 */
public final class Fabric8Rollouts implements RolloutGateway {
    static final String REVISION = "deployment.kubernetes.io/revision";
    static final String CHANGE_CAUSE = "kubernetes.io/change-cause";
    static final String POD_TEMPLATE_HASH = PodTemplates.POD_TEMPLATE_HASH;
    static final String CONTROLLER_REVISION_HASH = "controller-revision-hash";
    static final String RESTARTED_AT = "kubectl.kubernetes.io/restartedAt";

    private final KubeClients clients;
    private final boolean ownsClients;
    private final AccessReviews access;
    private final Clock clock;
    private volatile Consumer<WorkloadRef> beforeWrite = ref -> { };

    /** Over clients shared with other adapters (e.g. {@link Fabric8ClusterGateway#clients()}); closing leaves them open. */
    public Fabric8Rollouts(KubeClients clients) {
        this(clients, false);
    }

    /** Over its own clients made from a kubeconfig; closing closes them. */
    public Fabric8Rollouts(Path kubeconfig) {
        this(new KubeClients(kubeconfig, KubeOptions.DEFAULTS), true);
    }

    private Fabric8Rollouts(KubeClients clients, boolean ownsClients) {
        this.clients = Objects.requireNonNull(clients);
        this.ownsClients = ownsClients;
        this.clock = Clock.systemUTC();
        this.access = new AccessReviews(clients, KubeOptions.DEFAULTS, clock);
    }

    /**
     * For tests: runs between each write's read and its patch, so a test can change the object in
     * between (a real 409) without racing.
     */
    public void beforeEachWrite(Consumer<WorkloadRef> hook) {
        this.beforeWrite = hook == null ? ref -> { } : hook;
    }

    // ---- reads ---------------------------------------------------------------------------

    @Override
    public List<Revision> revisions(WorkloadRef ref) {
        Target t = target(ref);
        return call(t, "list", ref.kind() == WorkloadKind.DEPLOYMENT ? "replicasets.apps" : "controllerrevisions.apps",
                () -> revisions(t, t.get()));
    }

    @Override
    public WorkloadState state(WorkloadRef ref) {
        Target t = target(ref);
        Workload w = t.get();
        HasMetadata o = w.object();
        return new WorkloadState(ref, w.paused(), w.historyLimit(), w.replicas(), o.getMetadata().getLabels(),
                o.getMetadata().getAnnotations(), PodTemplates.fields(PodTemplates.withoutHash(w.template())),
                PodTemplates.images(w.template()), o.getMetadata().getResourceVersion());
    }

    @Override
    public RolloutStatus status(WorkloadRef ref) {
        Target t = target(ref);
        return switch (t.get().object()) {
            case Deployment d -> RolloutStatuses.deployment(d);
            case StatefulSet s -> RolloutStatuses.statefulSet(s);
            case DaemonSet d -> RolloutStatuses.daemonSet(d);
            default -> throw new IllegalStateException("not a workload: " + ref);
        };
    }

    @Override
    public List<PodState> pods(WorkloadRef ref) {
        Target t = target(ref);
        Workload w = t.get();
        return call(t, "list", "pods", () -> {
            Set<String> owners = new HashSet<>();
            owners.add(w.object().getMetadata().getUid());
            if (ref.kind() == WorkloadKind.DEPLOYMENT) {
                for (ReplicaSet rs : replicaSets(t, w)) {
                    owners.add(rs.getMetadata().getUid());
                }
            }
            var pods = selected(t.client().pods().inNamespace(t.ns()), w.selector());
            List<PodState> out = new ArrayList<>();
            for (Pod p : pods) {
                if (controlledByAny(p, owners)) {
                    out.add(pod(p));
                }
            }
            out.sort(Comparator.comparing(PodState::name));
            return out;
        });
    }

    @Override
    public AccessDecision canI(String context, String verb, String resource, String namespace) {
        return access.canI(context, verb, resource, namespace);
    }

    // ---- writes --------------------------------------------------------------------------

    @Override
    public RollbackResult rollback(WorkloadRef ref, long revision, String changeCause) {
        Target t = target(ref);
        String what = ref.kind().kind().toLowerCase(java.util.Locale.ROOT) + " \"" + ref.name() + "\"";
        RollbackResult[] result = new RollbackResult[1];
        write(t, "patch", w -> {
            if (w.paused()) {
                throw new RolloutRefusedException(Reason.PAUSED, what + " in namespace " + t.ns()
                        + " is paused: resume it (kubectl rollout resume " + ref.kubectlName() + " -n " + t.ns()
                        + ") before rolling back");
            }
            List<Revision> revisions = revisions(t, w);
            Revision from = revisions.stream().filter(Revision::current).findFirst().orElse(null);
            Revision to = RollbackTarget.choose(revisions, revision, ref.name());
            PodTemplateSpec template = revisionTemplate(t, w, to);
            if (PodTemplates.sameTemplate(template, w.template())) {
                result[0] = new RollbackResult(from, to, false,
                        "skipped rollback (current template already matches revision " + to.number() + ")");
                return null;
            }
            Map<String, Object> patch = base(w);
            Map<String, Object> spec = new LinkedHashMap<>();
            spec.put("template", PodTemplates.mergePatch(PodTemplates.tree(w.template()), PodTemplates.tree(template)));
            patch.put("spec", spec);
            annotations(patch).put(CHANGE_CAUSE, changeCauseFor(changeCause, t, w, to));
            result[0] = new RollbackResult(from, to, true, "rolled back to revision " + to.number());
            return patch;
        });
        return result[0];
    }

    @Override
    public ChangeResult setImage(WorkloadRef ref, String container, String image, String changeCause) {
        Target t = target(ref);
        String[] message = new String[1];
        write(t, "patch", w -> {
            Map<String, Object> tree = PodTemplates.tree(w.template());
            @SuppressWarnings("unchecked")
            Map<String, Object> podSpec = (Map<String, Object>) tree.get("spec");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> containers = new ArrayList<>((List<Map<String, Object>>) podSpec.get("containers"));
            int index = container == null ? 0 : -1;
            for (int i = 0; i < containers.size() && index < 0; i++) {
                if (container.equals(containers.get(i).get("name"))) {
                    index = i;
                }
            }
            if (index < 0 || containers.isEmpty()) {
                throw new RolloutRefusedException(Reason.INVALID, ref.kubectlName() + " in namespace " + t.ns()
                        + " has no container \"" + container + "\" (it has: " + String.join(", ",
                        containers.stream().map(c -> String.valueOf(c.get("name"))).toList()) + ")");
            }
            Map<String, Object> changed = new LinkedHashMap<>(containers.get(index));
            String before = String.valueOf(changed.get("image"));
            if (image.equals(before)) {
                message[0] = "container " + changed.get("name") + " already runs " + image;
                return null;
            }
            changed.put("image", image);
            containers.set(index, changed);
            Map<String, Object> patch = base(w);
            patch.put("spec", Map.of("template", Map.of("spec", Map.of("containers", containers))));
            if (changeCause != null && !changeCause.isBlank()) {
                annotations(patch).put(CHANGE_CAUSE, changeCause);
            }
            message[0] = "container " + changed.get("name") + ": " + before + " -> " + image;
            return patch;
        });
        return new ChangeResult(!message[0].contains(" already runs "), message[0]);
    }

    @Override
    public ChangeResult restart(WorkloadRef ref, Instant at, String changeCause) {
        Target t = target(ref);
        String stamp = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.truncatedTo(ChronoUnit.SECONDS).atOffset(java.time.ZoneOffset.UTC));
        write(t, "patch", w -> {
            Map<String, Object> patch = base(w);
            patch.put("spec", Map.of("template", Map.of("metadata", Map.of("annotations", Map.of(RESTARTED_AT, stamp)))));
            if (changeCause != null && !changeCause.isBlank()) {
                annotations(patch).put(CHANGE_CAUSE, changeCause);
            }
            return patch;
        });
        return new ChangeResult(true, "restarted: " + RESTARTED_AT + "=" + stamp);
    }

    @Override
    public ChangeResult scale(WorkloadRef ref, int replicas) {
        if (ref.kind() == WorkloadKind.DAEMONSET) {
            throw new RolloutRefusedException(Reason.INVALID, "a DaemonSet runs one pod per node: it cannot be scaled");
        }
        if (replicas < 0) {
            throw new RolloutRefusedException(Reason.INVALID, "replicas must be 0 or more, not " + replicas);
        }
        Target t = target(ref);
        int[] before = new int[1];
        write(t, "patch", w -> {
            before[0] = w.replicas();
            if (w.replicas() == replicas) {
                return null;
            }
            Map<String, Object> patch = base(w);
            patch.put("spec", Map.of("replicas", replicas));
            return patch;
        });
        return new ChangeResult(before[0] != replicas, "replicas " + before[0] + " -> " + replicas);
    }

    @Override
    public ChangeResult resume(WorkloadRef ref) {
        if (ref.kind() != WorkloadKind.DEPLOYMENT) {
            return new ChangeResult(false, ref.kubectlName() + " cannot be paused");
        }
        Target t = target(ref);
        boolean[] was = new boolean[1];
        write(t, "patch", w -> {
            was[0] = w.paused();
            if (!w.paused()) {
                return null;
            }
            Map<String, Object> patch = base(w);
            patch.put("spec", Map.of("paused", false));
            return patch;
        });
        return new ChangeResult(was[0], was[0] ? "resumed" : "was not paused");
    }

    /**
     * Reads the workload, lets {@code change} build a merge patch from it (null: nothing to do)
     * and sends it with the read resourceVersion. A 409 re-reads and tries once more.
     */
    private void write(Target t, String verb, Function<Workload, Map<String, Object>> change) {
        for (int attempt = 1; ; attempt++) {
            Workload w = t.get();
            Map<String, Object> patch = change.apply(w);
            if (patch == null) {
                return;
            }
            beforeWrite.accept(t.ref());
            try {
                t.resource().patch(PatchContext.of(PatchType.JSON_MERGE), PodTemplates.json(patch));
                return;
            } catch (KubernetesClientException e) {
                if (e.getCode() == 409 && attempt == 1) {
                    continue;
                }
                if (e.getCode() == 409) {
                    throw new RolloutRefusedException(Reason.CONFLICT, t.ref().kubectlName() + " in namespace " + t.ns()
                            + " changed while it was being written, twice (409 Conflict): someone else is changing it;"
                            + " look at what they changed and try again");
                }
                throw failure(e, t, verb, t.ref().resource());
            }
        }
    }

    /** The resourceVersion the write is based on: a 409 if the object changed since it was read. */
    private static Map<String, Object> base(Workload w) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("resourceVersion", w.object().getMetadata().getResourceVersion());
        Map<String, Object> patch = new LinkedHashMap<>();
        patch.put("metadata", metadata);
        return patch;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> annotations(Map<String, Object> patch) {
        Map<String, Object> metadata = (Map<String, Object>) patch.get("metadata");
        return (Map<String, Object>) metadata.computeIfAbsent("annotations", k -> new LinkedHashMap<String, Object>());
    }

    /** The given change-cause, else (as kubectl, which copies the target's annotations) the target revision's own. */
    private String changeCauseFor(String changeCause, Target t, Workload w, Revision to) {
        if (changeCause != null && !changeCause.isBlank()) {
            return changeCause;
        }
        return to.changeCause().isEmpty() ? null : to.changeCause();
    }

    // ---- revisions -------------------------------------------------------------------------

    private List<Revision> revisions(Target t, Workload w) {
        return w.object() instanceof Deployment ? deploymentRevisions(t, w) : controllerRevisions(t, w);
    }

    private List<ReplicaSet> replicaSets(Target t, Workload w) {
        var sets = selected(t.client().apps().replicaSets().inNamespace(t.ns()), w.selector());
        String uid = w.object().getMetadata().getUid();
        return sets.stream().filter(rs -> ownedBy(rs, uid)).toList();
    }

    private List<Revision> deploymentRevisions(Target t, Workload w) {
        PodTemplateSpec current = w.template();
        List<Revision> out = new ArrayList<>();
        for (ReplicaSet rs : replicaSets(t, w)) {
            Map<String, String> a = rs.getMetadata().getAnnotations() == null ? Map.of() : rs.getMetadata().getAnnotations();
            PodTemplateSpec template = PodTemplates.withoutHash(rs.getSpec().getTemplate());
            out.add(new Revision(number(a.get(REVISION)), rs.getMetadata().getName(),
                    PodTemplates.images(rs.getSpec().getTemplate()), a.get(CHANGE_CAUSE), instant(rs.getMetadata().getCreationTimestamp()),
                    rs.getSpec().getReplicas() == null ? 0 : rs.getSpec().getReplicas(),
                    Objects.equals(template, current), PodTemplates.fields(template)));
        }
        out.sort(Comparator.comparingLong(Revision::number));
        return out;
    }

    private List<ControllerRevision> ownedControllerRevisions(Target t, Workload w) {
        var all = selected(t.client().apps().controllerRevisions().inNamespace(t.ns()), w.selector());
        String uid = w.object().getMetadata().getUid();
        return all.stream().filter(r -> controlledBy(r, uid)).toList();
    }

    private List<Revision> controllerRevisions(Target t, Workload w) {
        String updateRevision = w.object() instanceof StatefulSet s && s.getStatus() != null ? s.getStatus().getUpdateRevision() : null;
        PodTemplateSpec current = PodTemplates.withoutHash(w.template());
        List<Revision> out = new ArrayList<>();
        for (ControllerRevision r : ownedControllerRevisions(t, w)) {
            PodTemplateSpec template = template(r);
            Map<String, String> a = r.getMetadata().getAnnotations() == null ? Map.of() : r.getMetadata().getAnnotations();
            boolean isCurrent = updateRevision != null ? updateRevision.equals(r.getMetadata().getName())
                    : PodTemplates.sameTemplate(template, current);
            out.add(new Revision(r.getRevision() == null ? 0 : r.getRevision(), r.getMetadata().getName(),
                    PodTemplates.images(template), a.get(CHANGE_CAUSE), instant(r.getMetadata().getCreationTimestamp()),
                    0, isCurrent, PodTemplates.fields(template)));
        }
        out.sort(Comparator.comparingLong(Revision::number));
        return out;
    }

    /** A ControllerRevision's data is kubectl's patch {"spec":{"template":{..., "$patch":"replace"}}}. */
    @SuppressWarnings("unchecked")
    static PodTemplateSpec template(ControllerRevision r) {
        Map<String, Object> data = PodTemplates.tree(r.getData());
        Object spec = data == null ? null : data.get("spec");
        Object template = spec instanceof Map<?, ?> m ? m.get("template") : null;
        if (!(template instanceof Map<?, ?> tm)) {
            return null;
        }
        Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) tm);
        copy.remove("$patch");
        return PodTemplates.withoutHash(PodTemplates.convert(copy, PodTemplateSpec.class));
    }

    private PodTemplateSpec revisionTemplate(Target t, Workload w, Revision to) {
        if (w.object() instanceof Deployment) {
            ReplicaSet rs = t.client().apps().replicaSets().inNamespace(t.ns()).withName(to.replicaSet()).get();
            if (rs == null) {
                throw new RolloutRefusedException(Reason.NO_SUCH_REVISION, "revision " + to.number() + " of deployment \""
                        + t.ref().name() + "\" vanished (its ReplicaSet " + to.replicaSet() + " was deleted)");
            }
            return PodTemplates.withoutHash(rs.getSpec().getTemplate());
        }
        ControllerRevision r = t.client().apps().controllerRevisions().inNamespace(t.ns()).withName(to.replicaSet()).get();
        PodTemplateSpec template = r == null ? null : template(r);
        if (template == null) {
            throw new RolloutRefusedException(Reason.NO_SUCH_REVISION, "revision " + to.number() + " of " + t.ref().kubectlName()
                    + " vanished (its ControllerRevision " + to.replicaSet() + " was deleted or holds no template)");
        }
        return template;
    }

    /** kubectl counts a ReplicaSet as the Deployment's only when its controller reference names the Deployment's uid. */
    static boolean ownedBy(ReplicaSet rs, String uid) {
        return controlledBy(rs, uid);
    }

    static boolean controlledBy(HasMetadata o, String uid) {
        List<OwnerReference> refs = o.getMetadata().getOwnerReferences();
        return refs != null && uid != null && refs.stream()
                .anyMatch(r -> Boolean.TRUE.equals(r.getController()) && uid.equals(r.getUid()));
    }

    private static boolean controlledByAny(HasMetadata o, Set<String> uids) {
        List<OwnerReference> refs = o.getMetadata().getOwnerReferences();
        return refs != null && refs.stream().anyMatch(r -> Boolean.TRUE.equals(r.getController()) && uids.contains(r.getUid()));
    }

    static PodTemplateSpec withoutHash(PodTemplateSpec template) {
        return PodTemplates.withoutHash(template);
    }

    static List<String> images(PodTemplateSpec template) {
        return PodTemplates.images(template);
    }

    static RolloutStatus status(Deployment d) {
        return RolloutStatuses.deployment(d);
    }

    /** kubectl's rollback target: the asked revision, or for 0 the newest below the current one. */
    static Revision target(List<Revision> revisions, long revision, String deployment) {
        return RollbackTarget.choose(revisions, revision, deployment);
    }

    private static PodState pod(Pod p) {
        int restarts = 0;
        String waiting = "";
        boolean ready = false;
        if (p.getStatus() != null) {
            List<ContainerStatus> statuses = p.getStatus().getContainerStatuses() == null ? List.of() : p.getStatus().getContainerStatuses();
            for (ContainerStatus s : statuses) {
                restarts += s.getRestartCount() == null ? 0 : s.getRestartCount();
                if (s.getState() != null && s.getState().getWaiting() != null && waiting.isEmpty()) {
                    waiting = Objects.toString(s.getState().getWaiting().getReason(), "");
                }
            }
            ready = p.getStatus().getConditions() != null && p.getStatus().getConditions().stream()
                    .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
        }
        Map<String, String> labels = p.getMetadata().getLabels() == null ? Map.of() : p.getMetadata().getLabels();
        String revision = labels.getOrDefault(POD_TEMPLATE_HASH, labels.getOrDefault(CONTROLLER_REVISION_HASH, ""));
        String phase = p.getStatus() == null || p.getStatus().getPhase() == null ? "Unknown" : p.getStatus().getPhase();
        List<String> images = new ArrayList<>();
        if (p.getSpec() != null && p.getSpec().getContainers() != null) {
            p.getSpec().getContainers().forEach(c -> images.add(c.getName() + "=" + c.getImage()));
        }
        return new PodState(p.getMetadata().getName(), phase, ready, restarts, waiting, revision, images,
                instant(p.getMetadata().getCreationTimestamp()));
    }

    private static long number(String text) {
        try {
            return text == null ? 0 : Long.parseLong(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Instant instant(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (RuntimeException e) {
            return null;
        }
    }

    // ---- access to one workload ------------------------------------------------------------

    /** A workload's object and the parts of it every kind has. */
    private record Workload(HasMetadata object, PodTemplateSpec template, LabelSelector selector, boolean paused,
                            Integer historyLimit, int replicas) {}

    /** One workload of one context and namespace, with its client. */
    private record Target(WorkloadRef ref, KubernetesClient client, String ns, String context) {
        Resource<? extends HasMetadata> resource() {
            return switch (ref.kind()) {
                case DEPLOYMENT -> client.apps().deployments().inNamespace(ns).withName(ref.name());
                case STATEFULSET -> client.apps().statefulSets().inNamespace(ns).withName(ref.name());
                case DAEMONSET -> client.apps().daemonSets().inNamespace(ns).withName(ref.name());
            };
        }

        Workload get() {
            HasMetadata o;
            try {
                o = resource().get();
            } catch (KubernetesClientException e) {
                throw failure(e, this, "get", ref.resource());
            }
            if (o == null) {
                throw new RolloutRefusedException(Reason.NOT_FOUND, ref.kind().kind().toLowerCase(java.util.Locale.ROOT)
                        + " \"" + ref.name() + "\" not found in namespace " + ns + " (context " + context + ")");
            }
            return switch (o) {
                case Deployment d -> new Workload(d, d.getSpec().getTemplate(), d.getSpec().getSelector(),
                        Boolean.TRUE.equals(d.getSpec().getPaused()), d.getSpec().getRevisionHistoryLimit(),
                        d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas());
                case StatefulSet s -> new Workload(s, s.getSpec().getTemplate(), s.getSpec().getSelector(), false,
                        s.getSpec().getRevisionHistoryLimit(), s.getSpec().getReplicas() == null ? 1 : s.getSpec().getReplicas());
                case DaemonSet d -> new Workload(d, d.getSpec().getTemplate(), d.getSpec().getSelector(), false,
                        d.getSpec().getRevisionHistoryLimit(),
                        d.getStatus() == null || d.getStatus().getDesiredNumberScheduled() == null ? 0 : d.getStatus().getDesiredNumberScheduled());
                default -> throw new IllegalStateException("not a workload: " + o.getKind());
            };
        }
    }

    /**
     * The objects the workload's whole selector (matchLabels and matchExpressions) picks, as the
     * API server filters them for kubectl; the callers then keep those the workload owns.
     */
    private static <T extends HasMetadata, L extends KubernetesResourceList<T>, R extends Resource<T>> List<T> selected(
            FilterWatchListDeletable<T, L, R> all, LabelSelector selector) {
        boolean everything = selector == null || Selectors.of(selector).isEmpty();
        return (everything ? all : all.withLabelSelector(selector)).list().getItems();
    }

    private <T> T call(Target t, String verb, String resource, java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (KubernetesClientException e) {
            throw failure(e, t, verb, resource);
        }
    }

    /** 403 names verb, resource and namespace; other API errors say what was being done and what the server said. */
    static RuntimeException failure(KubernetesClientException e, Target t, String verb, String resource) {
        String where = "in namespace " + t.ns() + " (context " + t.context() + ")";
        String server = e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage() : FeedErrors.rootMessage(e);
        if (e.getCode() == 403) {
            return new RolloutRefusedException(Reason.FORBIDDEN, "forbidden: you may not " + verb + " " + resource + " " + where
                    + " (the API server answered 403: " + server + ")");
        }
        if (e.getCode() == 404) {
            return new RolloutRefusedException(Reason.NOT_FOUND, t.ref().kubectlName() + " not found " + where);
        }
        if (e.getCode() == 422 || e.getCode() == 400) {
            return new RolloutRefusedException(Reason.INVALID, "the API server refused to " + verb + " " + t.ref().kubectlName()
                    + " " + where + ": " + server);
        }
        String why = e.getCode() > 0 ? "the API server answered " + e.getCode() + ": " + server : FeedErrors.networkReason(e);
        return new IllegalStateException("cannot " + verb + " " + resource + " " + where + ": " + why, e);
    }

    private Target target(WorkloadRef ref) {
        KubeClients.Client c;
        try {
            c = clients.client(ref.context());
        } catch (KubeconfigException e) {
            throw new RolloutRefusedException(Reason.MISCONFIGURED, e.getMessage());
        }
        String ns = ref.namespace() == null ? c.namespace() : ref.namespace();
        return new Target(ref, c.client(), ns, ref.context());
    }

    @Override
    public void close() {
        if (ownsClients) {
            clients.close();
        }
    }
}
