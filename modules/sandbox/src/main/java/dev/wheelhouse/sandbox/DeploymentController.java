package dev.wheelhouse.sandbox;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.api.model.apps.RollingUpdateDeployment;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The Deployment controller, after Kubernetes' pkg/controller/deployment (sync.go, rolling.go,
 * recreate.go, progress.go) and deployment_util.go: ReplicaSets named by pod-template-hash,
 * revisions (a reused ReplicaSet takes the next number and keeps its old ones in
 * revision-history), revisionHistoryLimit, rolling within maxSurge/maxUnavailable, pause,
 * proportional scaling, and the status and conditions {@code kubectl rollout status} reads,
 * including ProgressDeadlineExceeded.
 */
final class DeploymentController {
    static final String AVAILABLE = "Available";
    static final String PROGRESSING = "Progressing";
    static final String REPLICA_FAILURE = "ReplicaFailure";
    static final String NEW_RS_CREATED = "NewReplicaSetCreated";
    static final String FOUND_NEW_RS = "FoundNewReplicaSet";
    static final String NEW_RS_AVAILABLE = "NewReplicaSetAvailable";
    static final String RS_UPDATED = "ReplicaSetUpdated";
    static final String TIMED_OUT = "ProgressDeadlineExceeded";
    static final String PAUSED = "DeploymentPaused";
    static final String RESUMED = "DeploymentResumed";
    static final String MIN_AVAILABLE = "MinimumReplicasAvailable";
    static final String MIN_UNAVAILABLE = "MinimumReplicasUnavailable";
    private static final Set<String> ANNOTATIONS_TO_SKIP = Set.of(
            Kube.LAST_APPLIED, Kube.REVISION, Kube.REVISION_HISTORY, Kube.DESIRED_REPLICAS, Kube.MAX_REPLICAS,
            "deprecated.deployment.rollback.to");

    /** A write lost to a concurrent one (409): the reconcile stops and runs again shortly. */
    static final class Conflict extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Conflict(String what) {
            super(what, null, false, false);
        }
    }

    private final Controllers c;

    DeploymentController(Controllers controllers) {
        this.c = controllers;
    }

    void reconcile(String namespace, String name) {
        Deployment cached = c.cluster().get(Resources.DEPLOYMENTS, namespace, name);
        if (cached == null || cached.getMetadata().getDeletionTimestamp() != null) {
            return;
        }
        Deployment d = copy(cached);
        if (d.getSpec().getSelector() == null || d.getSpec().getTemplate() == null) {
            return;
        }
        List<ReplicaSet> rsList = new ArrayList<>();
        for (ReplicaSet rs : c.cluster().<ReplicaSet>owned(Resources.REPLICASETS, d.getMetadata().getUid())) {
            if (rs.getMetadata().getDeletionTimestamp() == null) {
                rsList.add(new ReplicaSetBuilder(rs).build());
            }
        }
        try {
            new Run(d, rsList).sync();
        } catch (Conflict e) {
            c.sim().after(Duration.ofMillis(50), new Cluster.Work("Deployment", namespace, name));
        }
    }

    /** One reconcile of one Deployment; holds the latest stored copy as writes replace it. */
    private final class Run {
        Deployment d;
        final List<ReplicaSet> rsList;

        Run(Deployment d, List<ReplicaSet> rsList) {
            this.d = d;
            this.rsList = rsList;
        }

        int replicas() {
            return Kube.nz(d.getSpec().getReplicas());
        }

        void sync() {
            checkPausedConditions();
            if (Boolean.TRUE.equals(d.getSpec().getPaused())) {
                syncScaleOnly(true);
                return;
            }
            if (isScalingEvent()) {
                syncScaleOnly(false);
                return;
            }
            if (d.getSpec().getStrategy() != null && "Recreate".equals(d.getSpec().getStrategy().getType())) {
                rolloutRecreate();
            } else {
                rolloutRolling();
            }
        }

        // ---- revisions and the new ReplicaSet -------------------------------------------

        ReplicaSet findNew() {
            List<ReplicaSet> sorted = new ArrayList<>(rsList);
            sorted.sort(BY_CREATION);
            for (ReplicaSet rs : sorted) {
                if (Kube.equalIgnoringHash(rs.getSpec().getTemplate(), d.getSpec().getTemplate())) {
                    return rs;
                }
            }
            return null;
        }

        List<ReplicaSet> findOld(ReplicaSet newRS) {
            List<ReplicaSet> old = new ArrayList<>();
            for (ReplicaSet rs : rsList) {
                if (newRS == null || !rs.getMetadata().getUid().equals(newRS.getMetadata().getUid())) {
                    old.add(rs);
                }
            }
            return old;
        }

        /** getAllReplicaSetsAndSyncRevision: [0] the new ReplicaSet (may be null), then the old. */
        List<ReplicaSet> allAndSyncRevision(boolean createIfMissing) {
            ReplicaSet existing = findNew();
            List<ReplicaSet> old = findOld(existing);
            ReplicaSet newRS = newReplicaSet(existing, old, createIfMissing);
            List<ReplicaSet> out = new ArrayList<>();
            out.add(newRS);
            out.addAll(findOld(newRS));
            return out;
        }

        private ReplicaSet newReplicaSet(ReplicaSet existing, List<ReplicaSet> old, boolean createIfMissing) {
            long maxOld = 0;
            for (ReplicaSet rs : old) {
                maxOld = Math.max(maxOld, Kube.revisionOf(rs));
            }
            String newRevision = Long.toString(maxOld + 1);
            if (existing != null) {
                ReplicaSet rsCopy = new ReplicaSetBuilder(existing).build();
                boolean annotationsUpdated = setNewReplicaSetAnnotations(rsCopy, newRevision, true);
                boolean minReadyUpdate = !Objects.equals(Kube.nz(rsCopy.getSpec().getMinReadySeconds()), Kube.nz(d.getSpec().getMinReadySeconds()));
                if (annotationsUpdated || minReadyUpdate) {
                    rsCopy.getSpec().setMinReadySeconds(d.getSpec().getMinReadySeconds());
                    rsCopy = saveReplicaSet(rsCopy);
                }
                boolean needsUpdate = setDeploymentRevision(rsCopy.getMetadata().getAnnotations().get(Kube.REVISION));
                DeploymentCondition cond = condition(d.getStatus(), PROGRESSING);
                if (hasProgressDeadline() && cond == null) {
                    setCondition(status(), newCondition(PROGRESSING, "True", FOUND_NEW_RS, "Found new replica set \"" + rsCopy.getMetadata().getName() + "\""));
                    needsUpdate = true;
                }
                if (needsUpdate) {
                    saveDeployment();
                }
                return rsCopy;
            }
            if (!createIfMissing) {
                return null;
            }
            PodTemplateSpec template = Json.convert(Json.tree(d.getSpec().getTemplate()), PodTemplateSpec.class);
            int collisionCount = Kube.nz(status().getCollisionCount());
            String hash = Kube.templateHash(Json.tree(d.getSpec().getTemplate()), collisionCount);
            Map<String, String> labels = new LinkedHashMap<>();
            if (template.getMetadata() == null) {
                template.setMetadata(new ObjectMetaBuilder().build());
            }
            if (template.getMetadata().getLabels() != null) {
                labels.putAll(template.getMetadata().getLabels());
            }
            labels.put(Kube.POD_TEMPLATE_HASH, hash);
            template.getMetadata().setLabels(new LinkedHashMap<>(labels));
            LabelSelector selector = new LabelSelectorBuilder(d.getSpec().getSelector()).addToMatchLabels(Kube.POD_TEMPLATE_HASH, hash).build();
            ReplicaSet newRS = new ReplicaSetBuilder()
                    .withNewMetadata()
                        .withName(d.getMetadata().getName() + "-" + hash)
                        .withNamespace(d.getMetadata().getNamespace())
                        .withLabels(labels)
                        .withOwnerReferences(Kube.controllerRef(d))
                    .endMetadata()
                    .withNewSpec()
                        .withReplicas(0)
                        .withMinReadySeconds(d.getSpec().getMinReadySeconds())
                        .withSelector(selector)
                        .withTemplate(template)
                    .endSpec()
                    .build();
            List<ReplicaSet> all = new ArrayList<>(old);
            all.add(newRS);
            int newReplicas = newRSNewReplicas(all, newRS);
            newRS.getSpec().setReplicas(newReplicas);
            setNewReplicaSetAnnotations(newRS, newRevision, false);
            ApiStore.Result created = c.store().create(Resources.REPLICASETS, d.getMetadata().getNamespace(), newRS);
            if (created.code() == 409) {
                ReplicaSet clash = c.cluster().get(Resources.REPLICASETS, d.getMetadata().getNamespace(), newRS.getMetadata().getName());
                if (clash != null && Cluster.controllerOf(clash) != null
                        && d.getMetadata().getUid().equals(Cluster.controllerOf(clash).getUid())
                        && Kube.equalIgnoringHash(clash.getSpec().getTemplate(), d.getSpec().getTemplate())) {
                    return new ReplicaSetBuilder(clash).build();
                }
                status().setCollisionCount(collisionCount + 1);
                saveDeployment();
                throw new Conflict("pod-template-hash collision");
            }
            if (!created.ok()) {
                throw new Conflict("creating replica set: " + created.body());
            }
            ReplicaSet stored = Json.convert(Json.parse(created.body()), ReplicaSet.class);
            rsList.add(stored);
            if (newReplicas > 0) {
                event("Scaled up replica set " + stored.getMetadata().getName() + " from 0 to " + newReplicas);
            }
            setDeploymentRevision(newRevision);
            if (hasProgressDeadline()) {
                setCondition(status(), newCondition(PROGRESSING, "True", NEW_RS_CREATED, "Created new replica set \"" + stored.getMetadata().getName() + "\""));
            }
            saveDeployment();
            return stored;
        }

        /** SetNewReplicaSetAnnotations of deployment_util.go. */
        boolean setNewReplicaSetAnnotations(ReplicaSet rs, String newRevision, boolean exists) {
            Map<String, String> annotations = rs.getMetadata().getAnnotations() == null
                    ? new LinkedHashMap<>() : new LinkedHashMap<>(rs.getMetadata().getAnnotations());
            boolean changed = false;
            if (d.getMetadata().getAnnotations() != null) {
                for (var e : d.getMetadata().getAnnotations().entrySet()) {
                    if (ANNOTATIONS_TO_SKIP.contains(e.getKey()) || e.getValue().equals(annotations.get(e.getKey()))) {
                        continue;
                    }
                    annotations.put(e.getKey(), e.getValue());
                    changed = true;
                }
            }
            String oldRevision = annotations.get(Kube.REVISION);
            long oldRev;
            try {
                oldRev = oldRevision == null || oldRevision.isEmpty() ? 0 : Long.parseLong(oldRevision);
            } catch (NumberFormatException e) {
                return false;
            }
            long newRev = Long.parseLong(newRevision);
            if (oldRev < newRev) {
                annotations.put(Kube.REVISION, newRevision);
                changed = true;
            }
            if (oldRevision != null && oldRev < newRev) {
                String history = annotations.getOrDefault(Kube.REVISION_HISTORY, "");
                if (history.isEmpty()) {
                    annotations.put(Kube.REVISION_HISTORY, oldRevision);
                } else {
                    List<String> revisions = new ArrayList<>(List.of(history.split(",")));
                    int total = history.length() + oldRevision.length() + 1;
                    int start = 0;
                    while (total > Kube.MAX_REVISION_HISTORY_CHARS && start < revisions.size()) {
                        total -= revisions.get(start).length() + 1;
                        start++;
                    }
                    if (total <= Kube.MAX_REVISION_HISTORY_CHARS) {
                        List<String> kept = new ArrayList<>(revisions.subList(start, revisions.size()));
                        kept.add(oldRevision);
                        annotations.put(Kube.REVISION_HISTORY, String.join(",", kept));
                    }
                }
            }
            if (!exists && setReplicasAnnotations(annotations, replicas(), replicas() + maxSurge())) {
                changed = true;
            }
            rs.getMetadata().setAnnotations(annotations);
            return changed;
        }

        boolean setDeploymentRevision(String revision) {
            Map<String, String> annotations = d.getMetadata().getAnnotations() == null
                    ? new LinkedHashMap<>() : new LinkedHashMap<>(d.getMetadata().getAnnotations());
            if (revision == null || revision.equals(annotations.get(Kube.REVISION))) {
                return false;
            }
            annotations.put(Kube.REVISION, revision);
            d.getMetadata().setAnnotations(annotations);
            return true;
        }

        // ---- scaling --------------------------------------------------------------------

        int maxSurge() {
            if (!isRollingUpdate()) {
                return 0;
            }
            return fenceposts()[0];
        }

        int maxUnavailable() {
            if (!isRollingUpdate() || replicas() == 0) {
                return 0;
            }
            int unavailable = fenceposts()[1];
            return Math.min(unavailable, replicas());
        }

        private int[] fenceposts() {
            RollingUpdateDeployment ru = d.getSpec().getStrategy() == null ? null : d.getSpec().getStrategy().getRollingUpdate();
            int surge = Kube.scaled(ru == null ? null : ru.getMaxSurge(), replicas(), true, 0);
            int unavailable = Kube.scaled(ru == null ? null : ru.getMaxUnavailable(), replicas(), false, 0);
            if (ru == null || (ru.getMaxSurge() == null && ru.getMaxUnavailable() == null)) {
                surge = (int) Math.ceil(replicas() * 0.25);
                unavailable = (int) Math.floor(replicas() * 0.25);
            }
            if (surge == 0 && unavailable == 0) {
                unavailable = 1;
            }
            return new int[] {surge, unavailable};
        }

        boolean isRollingUpdate() {
            return d.getSpec().getStrategy() == null || !"Recreate".equals(d.getSpec().getStrategy().getType());
        }

        int newRSNewReplicas(List<ReplicaSet> all, ReplicaSet newRS) {
            if (!isRollingUpdate()) {
                return replicas();
            }
            int current = specReplicas(all);
            int maxTotal = replicas() + maxSurge();
            if (current >= maxTotal) {
                return Kube.nz(newRS.getSpec().getReplicas());
            }
            int scaleUp = Math.min(maxTotal - current, replicas() - Kube.nz(newRS.getSpec().getReplicas()));
            return Kube.nz(newRS.getSpec().getReplicas()) + scaleUp;
        }

        /** scaleReplicaSetAndRecordEvent + scaleReplicaSet: returns the stored ReplicaSet. */
        ReplicaSet scale(ReplicaSet rs, int newScale) {
            int current = Kube.nz(rs.getSpec().getReplicas());
            if (current == newScale) {
                return rs;
            }
            ReplicaSet copy = new ReplicaSetBuilder(rs).build();
            Map<String, String> annotations = copy.getMetadata().getAnnotations() == null
                    ? new LinkedHashMap<>() : new LinkedHashMap<>(copy.getMetadata().getAnnotations());
            setReplicasAnnotations(annotations, replicas(), replicas() + maxSurge());
            copy.getMetadata().setAnnotations(annotations);
            copy.getSpec().setReplicas(newScale);
            ReplicaSet stored = saveReplicaSet(copy);
            event("Scaled " + (newScale > current ? "up" : "down") + " replica set " + rs.getMetadata().getName()
                    + " from " + current + " to " + newScale);
            return stored;
        }

        boolean isScalingEvent() {
            List<ReplicaSet> all = allAndSyncRevision(false);
            for (ReplicaSet rs : active(all)) {
                String desired = rs.getMetadata().getAnnotations() == null ? null : rs.getMetadata().getAnnotations().get(Kube.DESIRED_REPLICAS);
                if (desired != null && !desired.equals(Integer.toString(replicas()))) {
                    return true;
                }
            }
            return false;
        }

        /** sync(): scaling only (paused, or a scaling event), then the status. */
        void syncScaleOnly(boolean paused) {
            List<ReplicaSet> all = allAndSyncRevision(false);
            proportionalScale(all.getFirst(), new ArrayList<>(all.subList(1, all.size())));
            all = refreshed(all);
            ReplicaSet newRS = all.getFirst();
            List<ReplicaSet> old = new ArrayList<>(all.subList(1, all.size()));
            if (paused) {
                cleanup(old);
            }
            DeploymentStatus newStatus = calculateStatus(all, newRS);
            if (!Kube.sameContent(d.getStatus(), newStatus)) {
                d.setStatus(newStatus);
                saveDeployment();
            }
        }

        private void proportionalScale(ReplicaSet newRS, List<ReplicaSet> old) {
            List<ReplicaSet> sortedOld = new ArrayList<>(old);
            sortedOld.sort(BY_CREATION.reversed());
            List<ReplicaSet> candidates = new ArrayList<>(sortedOld);
            if (newRS != null) {
                candidates.add(newRS);
            }
            List<ReplicaSet> active = active(candidates);
            ReplicaSet activeOrLatest = null;
            if (active.isEmpty()) {
                activeOrLatest = newRS != null ? newRS : sortedOld.isEmpty() ? null : sortedOld.getFirst();
            } else if (active.size() == 1) {
                activeOrLatest = active.getFirst();
            }
            if (activeOrLatest != null) {
                if (Kube.nz(activeOrLatest.getSpec().getReplicas()) != replicas()) {
                    scale(activeOrLatest, replicas());
                }
                return;
            }
            if (newRS != null && Kube.nz(newRS.getSpec().getReplicas()) == replicas()
                    && Kube.nz(newRS.getStatus() == null ? null : newRS.getStatus().getAvailableReplicas()) == replicas()) {
                for (ReplicaSet rs : active(old)) {
                    scale(rs, 0);
                }
                return;
            }
            if (!isRollingUpdate()) {
                return;
            }
            int allowed = replicas() > 0 ? replicas() + maxSurge() : 0;
            int current = specReplicas(active);
            int toAdd = allowed - current;
            if (toAdd == 0) {
                return;
            }
            List<ReplicaSet> order = new ArrayList<>(active);
            Comparator<ReplicaSet> bySize = Comparator.comparingInt(rs -> Kube.nz(rs.getSpec().getReplicas()));
            order.sort(toAdd > 0 ? bySize.reversed().thenComparing(BY_CREATION.reversed()) : bySize.reversed().thenComparing(BY_CREATION));
            Map<String, Integer> sizes = new HashMap<>();
            int added = 0;
            for (ReplicaSet rs : order) {
                int size = Kube.nz(rs.getSpec().getReplicas());
                int proportion = current == 0 ? 0 : (int) Math.round(size * (double) toAdd / current);
                if (Math.abs(added + proportion) > Math.abs(toAdd)) {
                    proportion = toAdd - added;
                }
                sizes.put(rs.getMetadata().getName(), size + proportion);
                added += proportion;
            }
            ReplicaSet largest = order.getFirst();
            sizes.put(largest.getMetadata().getName(), Math.max(0, sizes.get(largest.getMetadata().getName()) + (toAdd - added)));
            for (ReplicaSet rs : order) {
                scale(rs, Math.max(0, sizes.get(rs.getMetadata().getName())));
            }
        }

        // ---- rolling update -------------------------------------------------------------

        void rolloutRolling() {
            List<ReplicaSet> all = allAndSyncRevision(true);
            ReplicaSet newRS = all.getFirst();
            List<ReplicaSet> old = new ArrayList<>(all.subList(1, all.size()));

            // Scale up, if we can.
            if (Kube.nz(newRS.getSpec().getReplicas()) != replicas()) {
                int target = Kube.nz(newRS.getSpec().getReplicas()) > replicas() ? replicas() : newRSNewReplicas(all, newRS);
                if (target != Kube.nz(newRS.getSpec().getReplicas())) {
                    newRS = scale(newRS, target);
                    syncRolloutStatus(replace(all, newRS), newRS);
                    return;
                }
            }

            // Scale down, if we can.
            List<ReplicaSet> current = replace(all, newRS);
            if (reconcileOld(current, newRS)) {
                List<ReplicaSet> refreshed = refreshed(current);
                syncRolloutStatus(refreshed, refreshed.getFirst());
                return;
            }

            if (deploymentComplete(d.getStatus())) {
                cleanup(old);
            }
            syncRolloutStatus(current, newRS);
        }

        boolean reconcileOld(List<ReplicaSet> all, ReplicaSet newRS) {
            List<ReplicaSet> old = active(all.subList(1, all.size()));
            int oldPods = specReplicas(old);
            if (oldPods == 0) {
                return false;
            }
            int allPods = specReplicas(all);
            int minAvailable = replicas() - maxUnavailable();
            int newUnavailable = Kube.nz(newRS.getSpec().getReplicas()) - available(newRS);
            int maxScaledDown = allPods - minAvailable - newUnavailable;
            if (maxScaledDown <= 0) {
                return false;
            }
            // Clean up unhealthy replicas first, so they never block the rollout.
            old.sort(BY_CREATION);
            int cleaned = 0;
            for (int i = 0; i < old.size(); i++) {
                ReplicaSet rs = old.get(i);
                if (cleaned >= maxScaledDown) {
                    break;
                }
                int size = Kube.nz(rs.getSpec().getReplicas());
                if (size == 0 || size == available(rs)) {
                    continue;
                }
                int down = Math.min(maxScaledDown - cleaned, size - available(rs));
                old.set(i, scale(rs, size - down));
                cleaned += down;
            }
            // Then scale down old replica sets as far as maxUnavailable allows.
            List<ReplicaSet> now = new ArrayList<>();
            now.add(newRS);
            now.addAll(old);
            int availablePods = 0;
            for (ReplicaSet rs : now) {
                availablePods += available(rs);
            }
            int scaledDown = 0;
            if (availablePods > minAvailable) {
                int total = availablePods - minAvailable;
                for (ReplicaSet rs : old) {
                    if (scaledDown >= total) {
                        break;
                    }
                    int size = Kube.nz(rs.getSpec().getReplicas());
                    if (size == 0) {
                        continue;
                    }
                    int down = Math.min(size, total - scaledDown);
                    scale(rs, size - down);
                    scaledDown += down;
                }
            }
            return cleaned + scaledDown > 0;
        }

        // ---- recreate -------------------------------------------------------------------

        void rolloutRecreate() {
            List<ReplicaSet> all = allAndSyncRevision(false);
            ReplicaSet newRS = all.getFirst();
            List<ReplicaSet> old = new ArrayList<>(all.subList(1, all.size()));
            boolean scaledDown = false;
            for (ReplicaSet rs : active(old)) {
                if (Kube.nz(rs.getSpec().getReplicas()) != 0) {
                    scale(rs, 0);
                    scaledDown = true;
                }
            }
            if (scaledDown) {
                List<ReplicaSet> refreshed = refreshed(all);
                syncRolloutStatus(refreshed, refreshed.getFirst());
                return;
            }
            for (ReplicaSet rs : old) {
                if (!c.cluster().<Pod>owned(Resources.PODS, rs.getMetadata().getUid()).isEmpty()) {
                    syncRolloutStatus(all, newRS);
                    return;
                }
            }
            if (newRS == null) {
                all = allAndSyncRevision(true);
                newRS = all.getFirst();
                old = new ArrayList<>(all.subList(1, all.size()));
            }
            if (Kube.nz(newRS.getSpec().getReplicas()) != replicas()) {
                newRS = scale(newRS, replicas());
            }
            if (deploymentComplete(d.getStatus())) {
                cleanup(old);
            }
            syncRolloutStatus(replace(all, newRS), newRS);
        }

        // ---- status and progress --------------------------------------------------------

        DeploymentStatus calculateStatus(List<ReplicaSet> all, ReplicaSet newRS) {
            int available = 0;
            int specTotal = 0;
            int actual = 0;
            int ready = 0;
            for (ReplicaSet rs : all) {
                if (rs == null) {
                    continue;
                }
                available += available(rs);
                specTotal += Kube.nz(rs.getSpec().getReplicas());
                actual += rs.getStatus() == null ? 0 : Kube.nz(rs.getStatus().getReplicas());
                ready += rs.getStatus() == null ? 0 : Kube.nz(rs.getStatus().getReadyReplicas());
            }
            int unavailable = Math.max(0, specTotal - available);
            int updated = newRS == null || newRS.getStatus() == null ? 0 : Kube.nz(newRS.getStatus().getReplicas());
            DeploymentStatus s = new DeploymentStatusBuilder()
                    .withObservedGeneration(d.getMetadata().getGeneration())
                    .withReplicas(Kube.omitZero(actual))
                    .withUpdatedReplicas(Kube.omitZero(updated))
                    .withReadyReplicas(Kube.omitZero(ready))
                    .withAvailableReplicas(Kube.omitZero(available))
                    .withUnavailableReplicas(Kube.omitZero(unavailable))
                    .withCollisionCount(status().getCollisionCount())
                    .build();
            List<DeploymentCondition> conditions = new ArrayList<>();
            for (DeploymentCondition cond : status().getConditions()) {
                conditions.add(new DeploymentConditionBuilder(cond).build());
            }
            s.setConditions(conditions);
            if (available >= replicas() - maxUnavailable()) {
                setCondition(s, newCondition(AVAILABLE, "True", MIN_AVAILABLE, "Deployment has minimum availability."));
            } else {
                setCondition(s, newCondition(AVAILABLE, "False", MIN_UNAVAILABLE, "Deployment does not have minimum availability."));
            }
            return s;
        }

        void syncRolloutStatus(List<ReplicaSet> all, ReplicaSet newRS) {
            DeploymentStatus newStatus = calculateStatus(all, newRS);
            if (!hasProgressDeadline()) {
                removeCondition(newStatus, PROGRESSING);
            }
            DeploymentCondition currentCond = condition(d.getStatus(), PROGRESSING);
            boolean isComplete = Kube.nz(newStatus.getReplicas()) == Kube.nz(newStatus.getUpdatedReplicas())
                    && currentCond != null && NEW_RS_AVAILABLE.equals(currentCond.getReason());
            if (hasProgressDeadline() && !isComplete) {
                String rsName = newRS == null ? null : newRS.getMetadata().getName();
                if (deploymentComplete(newStatus)) {
                    String msg = rsName == null ? "Deployment \"" + d.getMetadata().getName() + "\" has successfully progressed."
                            : "ReplicaSet \"" + rsName + "\" has successfully progressed.";
                    setCondition(newStatus, newCondition(PROGRESSING, "True", NEW_RS_AVAILABLE, msg));
                } else if (progressing(newStatus)) {
                    String msg = rsName == null ? "Deployment \"" + d.getMetadata().getName() + "\" is progressing."
                            : "ReplicaSet \"" + rsName + "\" is progressing.";
                    DeploymentCondition cond = newCondition(PROGRESSING, "True", RS_UPDATED, msg);
                    if (currentCond != null) {
                        if ("True".equals(currentCond.getStatus())) {
                            cond.setLastTransitionTime(currentCond.getLastTransitionTime());
                        }
                        removeCondition(newStatus, PROGRESSING);
                    }
                    setCondition(newStatus, cond);
                } else if (timedOut(newStatus)) {
                    String msg = rsName == null ? "Deployment \"" + d.getMetadata().getName() + "\" has timed out progressing."
                            : "ReplicaSet \"" + rsName + "\" has timed out progressing.";
                    setCondition(newStatus, newCondition(PROGRESSING, "False", TIMED_OUT, msg));
                }
            }
            DeploymentCondition failure = replicaFailure(all, newRS);
            if (failure != null) {
                setCondition(newStatus, failure);
            } else {
                removeCondition(newStatus, REPLICA_FAILURE);
            }
            if (Kube.sameContent(d.getStatus(), newStatus)) {
                requeueStuck(newStatus);
                return;
            }
            d.setStatus(newStatus);
            saveDeployment();
        }

        private DeploymentCondition replicaFailure(List<ReplicaSet> all, ReplicaSet newRS) {
            for (ReplicaSet rs : all) {
                if (rs == null || rs.getStatus() == null || rs.getStatus().getConditions() == null) {
                    continue;
                }
                for (var cond : rs.getStatus().getConditions()) {
                    if (REPLICA_FAILURE.equals(cond.getType()) && "True".equals(cond.getStatus())) {
                        return new DeploymentConditionBuilder().withType(REPLICA_FAILURE).withStatus("True")
                                .withReason(cond.getReason()).withMessage(cond.getMessage())
                                .withLastUpdateTime(cond.getLastTransitionTime()).withLastTransitionTime(cond.getLastTransitionTime())
                                .build();
                    }
                }
            }
            return null;
        }

        void requeueStuck(DeploymentStatus newStatus) {
            DeploymentCondition cond = condition(d.getStatus(), PROGRESSING);
            if (!hasProgressDeadline() || cond == null || deploymentComplete(newStatus) || TIMED_OUT.equals(cond.getReason())) {
                return;
            }
            Instant deadline = Kube.parseTime(cond.getLastUpdateTime()).plusSeconds(d.getSpec().getProgressDeadlineSeconds());
            Duration after = Duration.between(c.sim().now(), deadline);
            Cluster.Work again = new Cluster.Work("Deployment", d.getMetadata().getNamespace(), d.getMetadata().getName());
            if (after.compareTo(Duration.ofSeconds(1)) < 0) {
                c.sim().after(Duration.ofMillis(Math.max(100, after.toMillis() + 1)), again);
            } else {
                c.sim().after(after.plusMillis(1), again);
            }
        }

        boolean deploymentComplete(DeploymentStatus s) {
            return Kube.nz(s.getUpdatedReplicas()) == replicas()
                    && Kube.nz(s.getReplicas()) == replicas()
                    && Kube.nz(s.getAvailableReplicas()) == replicas()
                    && Kube.nz(s.getObservedGeneration()) >= Kube.nz(d.getMetadata().getGeneration());
        }

        boolean progressing(DeploymentStatus s) {
            DeploymentStatus old = status();
            int oldOld = Kube.nz(old.getReplicas()) - Kube.nz(old.getUpdatedReplicas());
            int newOld = Kube.nz(s.getReplicas()) - Kube.nz(s.getUpdatedReplicas());
            return Kube.nz(s.getUpdatedReplicas()) > Kube.nz(old.getUpdatedReplicas())
                    || newOld < oldOld
                    || Kube.nz(s.getReadyReplicas()) > Kube.nz(old.getReadyReplicas())
                    || Kube.nz(s.getAvailableReplicas()) > Kube.nz(old.getAvailableReplicas());
        }

        boolean timedOut(DeploymentStatus s) {
            if (!hasProgressDeadline()) {
                return false;
            }
            DeploymentCondition cond = condition(s, PROGRESSING);
            if (cond == null || NEW_RS_AVAILABLE.equals(cond.getReason())) {
                return false;
            }
            if (TIMED_OUT.equals(cond.getReason())) {
                return true;
            }
            Instant from = Kube.parseTime(cond.getLastUpdateTime());
            return from.plusSeconds(d.getSpec().getProgressDeadlineSeconds()).isBefore(c.sim().now());
        }

        boolean hasProgressDeadline() {
            Integer p = d.getSpec().getProgressDeadlineSeconds();
            return p != null && p != Integer.MAX_VALUE;
        }

        void checkPausedConditions() {
            if (!hasProgressDeadline()) {
                return;
            }
            DeploymentCondition cond = condition(d.getStatus(), PROGRESSING);
            if (cond != null && TIMED_OUT.equals(cond.getReason())) {
                return;
            }
            boolean pausedCondExists = cond != null && PAUSED.equals(cond.getReason());
            boolean paused = Boolean.TRUE.equals(d.getSpec().getPaused());
            if (paused && !pausedCondExists) {
                setCondition(status(), newCondition(PROGRESSING, "Unknown", PAUSED, "Deployment is paused"));
                saveDeployment();
            } else if (!paused && pausedCondExists) {
                setCondition(status(), newCondition(PROGRESSING, "Unknown", RESUMED, "Deployment is resumed"));
                saveDeployment();
            }
        }

        /** cleanupDeployment: old ReplicaSets beyond revisionHistoryLimit, oldest revision first. */
        void cleanup(List<ReplicaSet> old) {
            Integer limit = d.getSpec().getRevisionHistoryLimit();
            if (limit == null) {
                return;
            }
            List<ReplicaSet> cleanable = new ArrayList<>();
            for (ReplicaSet rs : old) {
                if (rs != null && rs.getMetadata().getDeletionTimestamp() == null) {
                    cleanable.add(rs);
                }
            }
            int diff = cleanable.size() - limit;
            if (diff <= 0) {
                return;
            }
            cleanable.sort(Comparator.comparingLong((ReplicaSet rs) -> Kube.revisionOf(rs)).thenComparing(BY_CREATION));
            for (int i = 0; i < diff; i++) {
                ReplicaSet rs = cleanable.get(i);
                int statusReplicas = rs.getStatus() == null ? 0 : Kube.nz(rs.getStatus().getReplicas());
                long observed = rs.getStatus() == null ? 0 : Kube.nz(rs.getStatus().getObservedGeneration());
                if (statusReplicas != 0 || Kube.nz(rs.getSpec().getReplicas()) != 0 || Kube.nz(rs.getMetadata().getGeneration()) > observed) {
                    continue;
                }
                c.store().delete(Resources.REPLICASETS, rs.getMetadata().getNamespace(), rs.getMetadata().getName());
                rsList.removeIf(r -> r.getMetadata().getUid().equals(rs.getMetadata().getUid()));
            }
        }

        // ---- writes ---------------------------------------------------------------------

        DeploymentStatus status() {
            if (d.getStatus() == null) {
                d.setStatus(new DeploymentStatus());
            }
            return d.getStatus();
        }

        void saveDeployment() {
            ApiStore.Result r = c.store().update(Resources.DEPLOYMENTS, d.getMetadata().getNamespace(), d.getMetadata().getName(), d);
            if (!r.ok()) {
                throw new Conflict("deployment " + d.getMetadata().getName() + ": " + r.code());
            }
            d = Json.convert(Json.parse(r.body()), Deployment.class);
        }

        ReplicaSet saveReplicaSet(ReplicaSet rs) {
            ApiStore.Result r = c.store().update(Resources.REPLICASETS, rs.getMetadata().getNamespace(), rs.getMetadata().getName(), rs);
            if (!r.ok()) {
                throw new Conflict("replica set " + rs.getMetadata().getName() + ": " + r.code());
            }
            ReplicaSet stored = Json.convert(Json.parse(r.body()), ReplicaSet.class);
            rsList.replaceAll(x -> x.getMetadata().getUid().equals(stored.getMetadata().getUid()) ? stored : x);
            return stored;
        }

        void event(String message) {
            c.recorder().normal(d, "deployment-controller", "ScalingReplicaSet", message);
        }

        List<ReplicaSet> replace(List<ReplicaSet> all, ReplicaSet rs) {
            List<ReplicaSet> out = new ArrayList<>(all);
            for (int i = 0; i < out.size(); i++) {
                if (out.get(i) != null && rs != null && out.get(i).getMetadata().getUid().equals(rs.getMetadata().getUid())) {
                    out.set(i, rs);
                }
            }
            return out;
        }

        /** The same ReplicaSets as last stored by this run. */
        List<ReplicaSet> refreshed(List<ReplicaSet> all) {
            List<ReplicaSet> out = new ArrayList<>();
            for (ReplicaSet rs : all) {
                if (rs == null) {
                    out.add(null);
                    continue;
                }
                ReplicaSet latest = rs;
                for (ReplicaSet r : rsList) {
                    if (r.getMetadata().getUid().equals(rs.getMetadata().getUid())) {
                        latest = r;
                    }
                }
                out.add(latest);
            }
            return out;
        }

        DeploymentCondition newCondition(String type, String status, String reason, String message) {
            String now = Kube.time(c.sim().now());
            return new DeploymentConditionBuilder().withType(type).withStatus(status).withReason(reason).withMessage(message)
                    .withLastUpdateTime(now).withLastTransitionTime(now).build();
        }
    }

    // ---- helpers shared with the seed -------------------------------------------------------

    static final Comparator<ReplicaSet> BY_CREATION = Comparator
            .comparing((ReplicaSet rs) -> Kube.parseTime(rs.getMetadata().getCreationTimestamp()))
            .thenComparing(rs -> rs.getMetadata().getName());

    static DeploymentCondition condition(DeploymentStatus status, String type) {
        if (status == null || status.getConditions() == null) {
            return null;
        }
        for (DeploymentCondition c : status.getConditions()) {
            if (type.equals(c.getType())) {
                return c;
            }
        }
        return null;
    }

    /** SetDeploymentCondition: same status and reason keeps the old one; same status keeps its transition time. */
    static void setCondition(DeploymentStatus status, DeploymentCondition condition) {
        DeploymentCondition current = condition(status, condition.getType());
        if (current != null && Objects.equals(current.getStatus(), condition.getStatus())
                && Objects.equals(current.getReason(), condition.getReason())) {
            return;
        }
        if (current != null && Objects.equals(current.getStatus(), condition.getStatus())) {
            condition.setLastTransitionTime(current.getLastTransitionTime());
        }
        List<DeploymentCondition> conditions = new ArrayList<>();
        if (status.getConditions() != null) {
            for (DeploymentCondition c : status.getConditions()) {
                if (!c.getType().equals(condition.getType())) {
                    conditions.add(c);
                }
            }
        }
        conditions.add(condition);
        status.setConditions(conditions);
    }

    static void removeCondition(DeploymentStatus status, String type) {
        if (status.getConditions() != null) {
            List<DeploymentCondition> conditions = new ArrayList<>(status.getConditions());
            conditions.removeIf(c -> type.equals(c.getType()));
            status.setConditions(conditions);
        }
    }

    static boolean setReplicasAnnotations(Map<String, String> annotations, int desired, int max) {
        boolean changed = false;
        String d = Integer.toString(desired);
        String m = Integer.toString(max);
        if (!d.equals(annotations.get(Kube.DESIRED_REPLICAS))) {
            annotations.put(Kube.DESIRED_REPLICAS, d);
            changed = true;
        }
        if (!m.equals(annotations.get(Kube.MAX_REPLICAS))) {
            annotations.put(Kube.MAX_REPLICAS, m);
            changed = true;
        }
        return changed;
    }

    static List<ReplicaSet> active(List<ReplicaSet> sets) {
        List<ReplicaSet> out = new ArrayList<>();
        for (ReplicaSet rs : sets) {
            if (rs != null && Kube.nz(rs.getSpec().getReplicas()) > 0) {
                out.add(rs);
            }
        }
        return out;
    }

    static int specReplicas(List<ReplicaSet> sets) {
        int n = 0;
        for (ReplicaSet rs : sets) {
            if (rs != null) {
                n += Kube.nz(rs.getSpec().getReplicas());
            }
        }
        return n;
    }

    static int available(ReplicaSet rs) {
        return rs == null || rs.getStatus() == null ? 0 : Kube.nz(rs.getStatus().getAvailableReplicas());
    }

    static Deployment copy(Deployment d) {
        return new DeploymentBuilder(d).build();
    }
}
