package dev.wheelhouse.kube;

import dev.wheelhouse.core.ops.Revision;
import dev.wheelhouse.core.ops.RollbackResult;
import dev.wheelhouse.core.ops.RollbackTarget;
import dev.wheelhouse.core.ops.RolloutGateway;
import dev.wheelhouse.core.ops.RolloutRefusedException;
import dev.wheelhouse.core.ops.RolloutRefusedException.Reason;
import dev.wheelhouse.core.ops.RolloutStatus;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Deployment revisions, rollback and rollout status with kubectl's semantics
 * (pkg/polymorphichelpers history.go, rollback.go, rollout_status.go), not Fabric8's
 * `rolling().undo()`, which picks ReplicaSets by selector alone, keeps pod-template-hash, copies
 * no change-cause and ignores pause (docs: STACK.md).
 */
public final class Fabric8Rollouts implements RolloutGateway {
    static final String REVISION = "deployment.kubernetes.io/revision";
    static final String CHANGE_CAUSE = "kubernetes.io/change-cause";
    static final String POD_TEMPLATE_HASH = "pod-template-hash";
    static final String TIMED_OUT = "ProgressDeadlineExceeded";

    private final KubeClients clients;
    private final boolean ownsClients;

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
    }

    @Override
    public List<Revision> revisions(String context, String namespace, String deployment) {
        KubeClients.Client c = client(context);
        String ns = namespace(c, namespace);
        return revisions(c.client(), ns, get(c.client(), ns, deployment));
    }

    @Override
    public RollbackResult rollback(String context, String namespace, String deployment, long revision, String changeCause) {
        KubeClients.Client c = client(context);
        String ns = namespace(c, namespace);
        Deployment d = get(c.client(), ns, deployment);
        if (Boolean.TRUE.equals(d.getSpec().getPaused())) {
            throw new RolloutRefusedException(Reason.PAUSED, "deployment \"" + deployment + "\" in namespace " + ns
                    + " is paused: resume it (kubectl rollout resume deployment/" + deployment + " -n " + ns
                    + ") before rolling back");
        }
        List<Revision> revisions = revisions(c.client(), ns, d);
        Revision from = revisions.stream().filter(Revision::current).findFirst().orElse(null);
        Revision to = target(revisions, revision, deployment);
        ReplicaSet rs = c.client().apps().replicaSets().inNamespace(ns).withName(to.replicaSet()).get();
        if (rs == null) {
            throw new RolloutRefusedException(Reason.NO_SUCH_REVISION, "revision " + to.number() + " of deployment \""
                    + deployment + "\" vanished (its ReplicaSet " + to.replicaSet() + " was deleted)");
        }
        PodTemplateSpec template = withoutHash(rs.getSpec().getTemplate());
        if (Objects.equals(template, d.getSpec().getTemplate())) {
            return new RollbackResult(from, to, false,
                    "skipped rollback (current template already matches revision " + to.number() + ")");
        }
        var serialization = c.client().getKubernetesSerialization();
        List<Map<String, Object>> patch = new ArrayList<>();
        patch.add(Map.of("op", "replace", "path", "/spec/template", "value", serialization.convertValue(template, Map.class)));
        Map<String, String> annotations = new LinkedHashMap<>(
                d.getMetadata().getAnnotations() == null ? Map.of() : d.getMetadata().getAnnotations());
        if (changeCause != null && !changeCause.isBlank()) {
            annotations.put(CHANGE_CAUSE, changeCause);
        } else {
            // kubectl copies the target ReplicaSet's annotations, so its change-cause returns with it.
            annotations.remove(CHANGE_CAUSE);
            String old = rs.getMetadata().getAnnotations() == null ? null : rs.getMetadata().getAnnotations().get(CHANGE_CAUSE);
            if (old != null) {
                annotations.put(CHANGE_CAUSE, old);
            }
        }
        patch.add(Map.of("op", d.getMetadata().getAnnotations() == null ? "add" : "replace",
                "path", "/metadata/annotations", "value", annotations));
        c.client().apps().deployments().inNamespace(ns).withName(deployment)
                .patch(PatchContext.of(PatchType.JSON), serialization.asJson(patch));
        return new RollbackResult(from, to, true, "rolled back to revision " + to.number());
    }

    @Override
    public RolloutStatus status(String context, String namespace, String deployment) {
        KubeClients.Client c = client(context);
        String ns = namespace(c, namespace);
        return status(get(c.client(), ns, deployment));
    }

    static RolloutStatus status(Deployment d) {
        String name = d.getMetadata().getName();
        long generation = d.getMetadata().getGeneration() == null ? 0 : d.getMetadata().getGeneration();
        DeploymentStatus s = d.getStatus() == null ? new DeploymentStatus() : d.getStatus();
        long observed = s.getObservedGeneration() == null ? 0 : s.getObservedGeneration();
        int desired = d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
        int replicas = zero(s.getReplicas());
        int updated = zero(s.getUpdatedReplicas());
        int ready = zero(s.getReadyReplicas());
        int available = zero(s.getAvailableReplicas());
        boolean paused = Boolean.TRUE.equals(d.getSpec().getPaused());
        List<String> images = images(d.getSpec().getTemplate());
        RolloutStatus.State state;
        String message;
        if (generation > observed) {
            state = RolloutStatus.State.IN_PROGRESS;
            message = "Waiting for deployment spec update to be observed...";
        } else {
            DeploymentCondition progressing = s.getConditions() == null ? null : s.getConditions().stream()
                    .filter(cond -> "Progressing".equals(cond.getType())).findFirst().orElse(null);
            if (progressing != null && TIMED_OUT.equals(progressing.getReason())) {
                state = RolloutStatus.State.FAILED;
                message = "deployment \"" + name + "\" exceeded its progress deadline";
            } else if (updated < desired) {
                state = RolloutStatus.State.IN_PROGRESS;
                message = "Waiting for deployment \"" + name + "\" rollout to finish: " + updated + " out of " + desired
                        + " new replicas have been updated...";
            } else if (replicas > updated) {
                state = RolloutStatus.State.IN_PROGRESS;
                message = "Waiting for deployment \"" + name + "\" rollout to finish: " + (replicas - updated)
                        + " old replicas are pending termination...";
            } else if (available < updated) {
                state = RolloutStatus.State.IN_PROGRESS;
                message = "Waiting for deployment \"" + name + "\" rollout to finish: " + available + " of " + updated
                        + " updated replicas are available...";
            } else {
                state = RolloutStatus.State.COMPLETE;
                message = "deployment \"" + name + "\" successfully rolled out";
            }
        }
        return new RolloutStatus(state, message, paused, generation, observed, desired, updated, ready, available, images);
    }

    /** kubectl's rollback target: the asked revision, or for 0 the newest below the current one. */
    static Revision target(List<Revision> revisions, long revision, String deployment) {
        return RollbackTarget.choose(revisions, revision, deployment);
    }

    private static List<Revision> revisions(KubernetesClient client, String ns, Deployment d) {
        String uid = d.getMetadata().getUid();
        Map<String, String> selector = d.getSpec().getSelector() == null ? null : d.getSpec().getSelector().getMatchLabels();
        var sets = selector == null || selector.isEmpty()
                ? client.apps().replicaSets().inNamespace(ns).list().getItems()
                : client.apps().replicaSets().inNamespace(ns).withLabels(selector).list().getItems();
        PodTemplateSpec current = d.getSpec().getTemplate();
        List<Revision> out = new ArrayList<>();
        for (ReplicaSet rs : sets) {
            if (!ownedBy(rs, uid)) {
                continue;
            }
            Map<String, String> a = rs.getMetadata().getAnnotations() == null ? Map.of() : rs.getMetadata().getAnnotations();
            long number;
            try {
                number = Long.parseLong(a.getOrDefault(REVISION, "0"));
            } catch (NumberFormatException e) {
                number = 0;
            }
            String created = rs.getMetadata().getCreationTimestamp();
            out.add(new Revision(number, rs.getMetadata().getName(), images(rs.getSpec().getTemplate()),
                    a.get(CHANGE_CAUSE), created == null ? null : Instant.parse(created),
                    rs.getSpec().getReplicas() == null ? 0 : rs.getSpec().getReplicas(),
                    Objects.equals(withoutHash(rs.getSpec().getTemplate()), current)));
        }
        out.sort(Comparator.comparingLong(Revision::number));
        return out;
    }

    /** kubectl counts a ReplicaSet as the Deployment's only when its controller reference names the Deployment's uid. */
    static boolean ownedBy(ReplicaSet rs, String uid) {
        List<OwnerReference> refs = rs.getMetadata().getOwnerReferences();
        return refs != null && uid != null && refs.stream()
                .anyMatch(r -> Boolean.TRUE.equals(r.getController()) && uid.equals(r.getUid()));
    }

    static PodTemplateSpec withoutHash(PodTemplateSpec template) {
        if (template == null) {
            return null;
        }
        PodTemplateSpec copy = new io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder(template).build();
        if (copy.getMetadata() != null && copy.getMetadata().getLabels() != null) {
            Map<String, String> labels = new LinkedHashMap<>(copy.getMetadata().getLabels());
            labels.remove(POD_TEMPLATE_HASH);
            copy.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder(copy.getMetadata()).withLabels(labels).build());
        }
        return copy;
    }

    static List<String> images(PodTemplateSpec template) {
        if (template == null || template.getSpec() == null || template.getSpec().getContainers() == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Container container : template.getSpec().getContainers()) {
            out.add(container.getName() + "=" + container.getImage());
        }
        return out;
    }

    private static int zero(Integer value) {
        return value == null ? 0 : value;
    }

    private static Deployment get(KubernetesClient client, String ns, String name) {
        Deployment d = client.apps().deployments().inNamespace(ns).withName(name).get();
        if (d == null) {
            throw new RolloutRefusedException(Reason.NOT_FOUND, "deployment \"" + name + "\" not found in namespace " + ns);
        }
        return d;
    }

    private KubeClients.Client client(String context) {
        try {
            return clients.client(context);
        } catch (KubeconfigException e) {
            throw new RolloutRefusedException(Reason.MISCONFIGURED, e.getMessage());
        }
    }

    private static String namespace(KubeClients.Client c, String namespace) {
        return namespace == null || namespace.isBlank() ? c.namespace() : namespace;
    }

    @Override
    public void close() {
        if (ownsClients) {
            clients.close();
        }
    }
}
