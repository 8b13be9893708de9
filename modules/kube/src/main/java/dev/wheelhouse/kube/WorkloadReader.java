package dev.wheelhouse.kube;

import dev.wheelhouse.core.cluster.LabelSelector;
import dev.wheelhouse.core.cluster.RowKey;
import dev.wheelhouse.core.cluster.WorkloadDetails;
import dev.wheelhouse.core.ops.Revision;
import dev.wheelhouse.core.ops.RolloutGateway;
import dev.wheelhouse.core.ops.RolloutRefusedException;
import dev.wheelhouse.core.ops.WorkloadRef;
import dev.wheelhouse.core.workspace.WorkloadKind;
import dev.wheelhouse.kube.render.Selectors;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.List;
import java.util.Locale;

/**
 * Reads one workload or pod for its detail pane: its revisions as the operations read them
 * ({@link RolloutGateway#revisions}, kubectl's rules for each kind), pod selector, containers
 * and YAML.
 */
final class WorkloadReader {
    private final KubeClients clients;
    private final RolloutGateway rollouts;

    WorkloadReader(KubeClients clients) {
        this.clients = clients;
        this.rollouts = new Fabric8Rollouts(clients);
    }

    WorkloadDetails read(RowKey key) {
        KubernetesClient client;
        try {
            client = clients.client(key.context()).client();
        } catch (KubeconfigException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        String what = key.kind().toLowerCase(Locale.ROOT) + " " + key.name() + " in " + key.namespace()
                + " (context " + key.context() + ")";
        try {
            return switch (key.kind()) {
                case "Deployment" -> {
                    var d = found(client.apps().deployments().inNamespace(key.namespace()).withName(key.name()).get(), what);
                    yield new WorkloadDetails(key, Selectors.of(d.getSpec().getSelector()), revisions(key, WorkloadKind.DEPLOYMENT),
                            containers(d.getSpec().getTemplate()), yaml(client, d));
                }
                case "StatefulSet" -> {
                    var s = found(client.apps().statefulSets().inNamespace(key.namespace()).withName(key.name()).get(), what);
                    yield new WorkloadDetails(key, Selectors.of(s.getSpec().getSelector()), revisions(key, WorkloadKind.STATEFULSET),
                            containers(s.getSpec().getTemplate()), yaml(client, s));
                }
                case "DaemonSet" -> {
                    var s = found(client.apps().daemonSets().inNamespace(key.namespace()).withName(key.name()).get(), what);
                    yield new WorkloadDetails(key, Selectors.of(s.getSpec().getSelector()), revisions(key, WorkloadKind.DAEMONSET),
                            containers(s.getSpec().getTemplate()), yaml(client, s));
                }
                case "Pod" -> {
                    var p = found(client.pods().inNamespace(key.namespace()).withName(key.name()).get(), what);
                    yield new WorkloadDetails(key, LabelSelector.NOTHING, List.of(), containers(p.getSpec()), yaml(client, p));
                }
                default -> throw new IllegalArgumentException("no detail pane for a " + key.kind() + " (" + key + ")");
            };
        } catch (KubernetesClientException e) {
            String why = e.getCode() == 403 ? "no permission (403)"
                    : e.getCode() > 0 ? "the API server answered " + e.getCode() : FeedErrors.networkReason(e);
            throw new IllegalStateException("cannot read " + what + ": " + why, e);
        } catch (RolloutRefusedException e) {
            throw new IllegalStateException("cannot read the revisions of " + what + ": " + e.getMessage(), e);
        }
    }

    private List<Revision> revisions(RowKey key, WorkloadKind kind) {
        return rollouts.revisions(new WorkloadRef(key.context(), key.namespace(), kind, key.name()));
    }

    private static <T> T found(T object, String what) {
        if (object == null) {
            throw new IllegalStateException(what + " no longer exists");
        }
        return object;
    }

    private static List<String> containers(PodTemplateSpec template) {
        return template == null ? List.of() : containers(template.getSpec());
    }

    private static List<String> containers(PodSpec spec) {
        return spec == null || spec.getContainers() == null ? List.of() : spec.getContainers().stream().map(Container::getName).toList();
    }

    /** As kubectl get -o yaml prints it: managedFields are noise to a reader (kubectl hides them too). */
    private static String yaml(KubernetesClient client, HasMetadata object) {
        object.getMetadata().setManagedFields(null);
        return client.getKubernetesSerialization().asYaml(object);
    }
}
