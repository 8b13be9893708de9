package dev.wheelhouse.sandbox;

import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatus;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatusBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The StatefulSet controller, OrderedReady and RollingUpdate as Kubernetes does them: pods
 * {@code <name>-<ordinal>} created in order once the previous is ready, updated from the highest
 * ordinal down one at a time, PVCs from the claim templates, ControllerRevisions for history and
 * undo, and the status {@code kubectl rollout status} reads.
 */
final class StatefulSetController {
    static final String POD_NAME_LABEL = "statefulset.kubernetes.io/pod-name";
    static final String POD_INDEX_LABEL = "apps.kubernetes.io/pod-index";

    private final Controllers c;
    private final History history;

    StatefulSetController(Controllers controllers) {
        this.c = controllers;
        this.history = new History(controllers);
    }

    void reconcile(String namespace, String name) {
        StatefulSet cached = c.cluster().get(Resources.STATEFULSETS, namespace, name);
        if (cached == null || cached.getMetadata().getDeletionTimestamp() != null) {
            return;
        }
        StatefulSet set = new StatefulSetBuilder(cached).build();
        try {
            sync(set);
        } catch (DeploymentController.Conflict e) {
            c.sim().after(Duration.ofMillis(50), new Cluster.Work("StatefulSet", namespace, name));
        }
    }

    private void sync(StatefulSet set) {
        String ns = set.getMetadata().getNamespace();
        List<ControllerRevision> revisions = history.owned(set);
        ControllerRevision update = history.updateRevision(set, set.getSpec().getTemplate(),
                set.getStatus() == null ? 0 : Kube.nz(set.getStatus().getCollisionCount()), revisions);
        revisions = history.owned(set);
        String updateName = update.getMetadata().getName();
        String currentName = set.getStatus() == null ? null : set.getStatus().getCurrentRevision();
        boolean currentExists = false;
        for (ControllerRevision r : revisions) {
            currentExists |= r.getMetadata().getName().equals(currentName);
        }
        if (!currentExists) {
            currentName = updateName;
        }

        int replicas = Kube.nz(set.getSpec().getReplicas());
        Map<Integer, Pod> byOrdinal = new LinkedHashMap<>();
        List<Pod> condemned = new ArrayList<>();
        for (Pod p : c.cluster().<Pod>owned(Resources.PODS, set.getMetadata().getUid())) {
            int ordinal = ordinal(set, p);
            if (ordinal >= 0 && ordinal < replicas) {
                byOrdinal.put(ordinal, p);
            } else {
                condemned.add(p);
            }
        }
        boolean parallel = "Parallel".equals(set.getSpec().getPodManagementPolicy());
        boolean acted = false;
        for (int ordinal = 0; ordinal < replicas && !acted; ordinal++) {
            Pod p = byOrdinal.get(ordinal);
            if (p == null) {
                createPod(set, ordinal, updateName);
                acted = !parallel;
            } else if (!Kubelet.isReady(p) && !parallel) {
                acted = true;
            }
        }
        if (!acted && !condemned.isEmpty()) {
            condemned.sort((a, b) -> Integer.compare(ordinal(set, b), ordinal(set, a)));
            boolean allHealthy = byOrdinal.values().stream().allMatch(Kubelet::isReady);
            if (allHealthy || parallel) {
                Pod victim = condemned.getFirst();
                c.store().delete(Resources.PODS, ns, victim.getMetadata().getName());
                c.recorder().normal(set, "statefulset-controller", "SuccessfulDelete",
                        "delete Pod " + victim.getMetadata().getName() + " in StatefulSet " + set.getMetadata().getName() + " successful");
            }
            acted = true;
        }
        boolean rolling = set.getSpec().getUpdateStrategy() == null || !"OnDelete".equals(set.getSpec().getUpdateStrategy().getType());
        if (!acted && rolling && byOrdinal.size() == replicas) {
            int partition = set.getSpec().getUpdateStrategy() == null || set.getSpec().getUpdateStrategy().getRollingUpdate() == null
                    ? 0 : Kube.nz(set.getSpec().getUpdateStrategy().getRollingUpdate().getPartition());
            for (int target = replicas - 1; target >= partition; target--) {
                Pod p = byOrdinal.get(target);
                if (!updateName.equals(revisionOf(p))) {
                    c.store().delete(Resources.PODS, ns, p.getMetadata().getName());
                    c.recorder().normal(set, "statefulset-controller", "SuccessfulDelete",
                            "delete Pod " + p.getMetadata().getName() + " in StatefulSet " + set.getMetadata().getName() + " successful");
                    break;
                }
                if (!Kubelet.isReady(p)) {
                    break;
                }
            }
        }

        List<Pod> pods = c.cluster().owned(Resources.PODS, set.getMetadata().getUid());
        int ready = 0;
        int current = 0;
        int updated = 0;
        Set<String> inUse = new HashSet<>();
        inUse.add(updateName);
        inUse.add(currentName);
        for (Pod p : pods) {
            if (Kubelet.isReady(p)) {
                ready++;
            }
            String rev = revisionOf(p);
            if (rev != null) {
                inUse.add(rev);
            }
            if (currentName.equals(rev)) {
                current++;
            }
            if (updateName.equals(rev)) {
                updated++;
            }
        }
        if (rolling && updated == pods.size() && ready == pods.size() && pods.size() == replicas) {
            current = updated;
            currentName = updateName;
        }
        StatefulSetStatus status = new StatefulSetStatusBuilder()
                .withObservedGeneration(set.getMetadata().getGeneration())
                .withReplicas(pods.size())
                .withReadyReplicas(Kube.omitZero(ready))
                .withAvailableReplicas(Kube.omitZero(ready))
                .withCurrentReplicas(Kube.omitZero(current))
                .withUpdatedReplicas(Kube.omitZero(updated))
                .withCurrentRevision(currentName)
                .withUpdateRevision(updateName)
                .withCollisionCount(0)
                .build();
        if (!Kube.sameContent(set.getStatus(), status)) {
            c.store().updateStatus(Resources.STATEFULSETS, ns, set.getMetadata().getName(),
                    new StatefulSetBuilder(set).withStatus(status).build());
        }
        int limit = set.getSpec().getRevisionHistoryLimit() == null ? 10 : set.getSpec().getRevisionHistoryLimit();
        history.truncate(history.owned(set), limit, inUse);
    }

    private void createPod(StatefulSet set, int ordinal, String revision) {
        String ns = set.getMetadata().getNamespace();
        String podName = set.getMetadata().getName() + "-" + ordinal;
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(Kube.CONTROLLER_REVISION_HASH, revision);
        labels.put(POD_NAME_LABEL, podName);
        labels.put(POD_INDEX_LABEL, Integer.toString(ordinal));
        Pod pod = c.kubelet().newPod(set, set.getSpec().getTemplate(), podName, labels, null);
        pod.getSpec().setHostname(podName);
        pod.getSpec().setSubdomain(set.getSpec().getServiceName());
        List<Volume> volumes = pod.getSpec().getVolumes() == null ? new ArrayList<>() : new ArrayList<>(pod.getSpec().getVolumes());
        if (set.getSpec().getVolumeClaimTemplates() != null) {
            for (PersistentVolumeClaim template : set.getSpec().getVolumeClaimTemplates()) {
                String claim = template.getMetadata().getName() + "-" + podName;
                ensureClaim(set, template, claim);
                volumes.add(new VolumeBuilder().withName(template.getMetadata().getName())
                        .withNewPersistentVolumeClaim().withClaimName(claim).endPersistentVolumeClaim().build());
            }
        }
        pod.getSpec().setVolumes(volumes);
        if (c.store().create(Resources.PODS, ns, pod).ok()) {
            c.recorder().normal(set, "statefulset-controller", "SuccessfulCreate",
                    "create Pod " + podName + " in StatefulSet " + set.getMetadata().getName() + " successful");
        }
    }

    /** A claim from the template, bound at once to a new volume of its class. */
    private void ensureClaim(StatefulSet set, PersistentVolumeClaim template, String claim) {
        String ns = set.getMetadata().getNamespace();
        if (c.store().json(Resources.PVCS, ns, claim) != null) {
            return;
        }
        Quantity size = template.getSpec().getResources() == null || template.getSpec().getResources().getRequests() == null
                ? new Quantity("1Gi") : template.getSpec().getResources().getRequests().getOrDefault("storage", new Quantity("1Gi"));
        String storageClass = template.getSpec().getStorageClassName() == null ? "standard" : template.getSpec().getStorageClassName();
        String volume = "pvc-" + UUID.nameUUIDFromBytes((ns + "/" + claim).getBytes(StandardCharsets.UTF_8));
        PersistentVolume pv = new PersistentVolumeBuilder()
                .withNewMetadata().withName(volume)
                    .addToAnnotations("pv.kubernetes.io/provisioned-by", "rancher.io/local-path").endMetadata()
                .withNewSpec()
                    .withCapacity(Map.of("storage", size))
                    .withAccessModes(template.getSpec().getAccessModes())
                    .withPersistentVolumeReclaimPolicy("Delete")
                    .withStorageClassName(storageClass)
                    .withVolumeMode("Filesystem")
                    .withNewClaimRef().withKind("PersistentVolumeClaim").withNamespace(ns).withName(claim).withApiVersion("v1").endClaimRef()
                    .withNewHostPath().withPath("/var/lib/sandbox/" + volume).withType("DirectoryOrCreate").endHostPath()
                .endSpec()
                .withNewStatus().withPhase("Bound").endStatus()
                .build();
        c.store().create(Resources.PVS, null, pv);
        PersistentVolumeClaim pvc = new PersistentVolumeClaimBuilder()
                .withNewMetadata().withName(claim).withNamespace(ns)
                    .withLabels(set.getSpec().getSelector().getMatchLabels())
                    .addToAnnotations("pv.kubernetes.io/bind-completed", "yes")
                    .addToAnnotations("volume.kubernetes.io/storage-provisioner", "rancher.io/local-path")
                .endMetadata()
                .withNewSpec()
                    .withAccessModes(template.getSpec().getAccessModes())
                    .withStorageClassName(storageClass)
                    .withVolumeName(volume)
                    .withVolumeMode("Filesystem")
                    .withNewResources().addToRequests("storage", size).endResources()
                .endSpec()
                .withNewStatus().withPhase("Bound").withAccessModes(template.getSpec().getAccessModes())
                    .withCapacity(Map.of("storage", size)).endStatus()
                .build();
        c.store().create(Resources.PVCS, ns, pvc);
    }

    static String revisionOf(Pod p) {
        return p.getMetadata().getLabels() == null ? null : p.getMetadata().getLabels().get(Kube.CONTROLLER_REVISION_HASH);
    }

    static int ordinal(StatefulSet set, Pod p) {
        String prefix = set.getMetadata().getName() + "-";
        String name = p.getMetadata().getName();
        if (!name.startsWith(prefix)) {
            return -1;
        }
        try {
            return Integer.parseInt(name.substring(prefix.length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
