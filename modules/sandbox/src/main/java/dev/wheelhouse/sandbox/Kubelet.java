package dev.wheelhouse.sandbox;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodIPBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.HostIPBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The nodes' kubelets in one: starts the pods the controllers create (one rollout step after
 * creation), and runs the failure rehearsal: an image whose tag contains "broken" (or one listed
 * in the options) crash-loops with restarts rising; an image named "does-not-exist" (or with
 * that in its tag) never pulls. Such pods never become ready.
 */
final class Kubelet {
    enum Fault { NONE, CRASH, PULL }

    private final Controllers c;
    /** uid -> what the kubelet is doing with the pod; only pods it started are here. */
    private final Map<String, Tracked> tracked = new ConcurrentHashMap<>();

    private static final class Tracked {
        final String namespace;
        final String name;
        int restarts;

        Tracked(String namespace, String name) {
            this.namespace = namespace;
            this.name = name;
        }
    }

    Kubelet(Controllers controllers) {
        this.c = controllers;
    }

    Fault fault(PodSpec spec) {
        Fault fault = Fault.NONE;
        for (Container container : spec.getContainers()) {
            Fault f = fault(container.getImage());
            if (f.ordinal() > fault.ordinal()) {
                fault = f;
            }
        }
        return fault;
    }

    Fault fault(String image) {
        if (image == null) {
            return Fault.NONE;
        }
        String lower = image.toLowerCase(Locale.ROOT);
        if (lower.contains("does-not-exist")) {
            return Fault.PULL;
        }
        String tag = tag(lower);
        if (tag.contains("broken") || c.options().brokenImages().contains(image)) {
            return Fault.CRASH;
        }
        return Fault.NONE;
    }

    static String tag(String image) {
        String last = image.substring(image.lastIndexOf('/') + 1);
        int colon = last.indexOf(':');
        return colon < 0 ? "latest" : last.substring(colon + 1);
    }

    /** A pod as a workload controller creates it: placed on a node, Pending. */
    Pod newPod(HasMetadata owner, PodTemplateSpec template, String name, Map<String, String> extraLabels, String nodeName) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (template.getMetadata() != null && template.getMetadata().getLabels() != null) {
            labels.putAll(template.getMetadata().getLabels());
        }
        labels.putAll(extraLabels);
        PodSpec spec = new PodSpecBuilder(template.getSpec()).build();
        String node = nodeName != null ? nodeName : c.scheduler().place(spec);
        spec.setNodeName(node);
        Instant now = c.sim().now();
        PodStatus status = new PodStatusBuilder()
                .withPhase("Pending")
                .withQosClass(qosClass(spec))
                .withConditions(node == null
                        ? List.of(condition("PodScheduled", "False", "Unschedulable",
                                "0/" + c.cluster().count(Resources.NODES) + " nodes are available: no node fits the pod.", now))
                        : List.of(condition("PodScheduled", "True", null, null, now)))
                .build();
        return new PodBuilder()
                .withMetadata(new ObjectMetaBuilder()
                        .withName(name)
                        .withNamespace(owner.getMetadata().getNamespace())
                        .withLabels(labels)
                        .withAnnotations(template.getMetadata() == null ? null : template.getMetadata().getAnnotations())
                        .withOwnerReferences(Kube.controllerRef(owner))
                        .build())
                .withSpec(spec)
                .withStatus(status)
                .build();
    }

    /** Called for every change of a pod: starts a new pod one rollout step after it appears. */
    void reconcile(String namespace, String name) {
        Pod pod = c.cluster().get(Resources.PODS, namespace, name);
        if (pod == null) {
            return;
        }
        String uid = pod.getMetadata().getUid();
        if (tracked.containsKey(uid) || pod.getStatus() == null || !"Pending".equals(pod.getStatus().getPhase())) {
            return;
        }
        tracked.put(uid, new Tracked(namespace, name));
        if (pod.getSpec().getNodeName() == null) {
            bind(pod);
            pod = c.cluster().get(Resources.PODS, namespace, name);
            if (pod == null || pod.getSpec().getNodeName() == null) {
                tracked.remove(uid);
                return;
            }
        }
        c.recorder().record(pod, "default-scheduler", "Normal", "Scheduled",
                "Successfully assigned " + namespace + "/" + name + " to " + pod.getSpec().getNodeName(), null);
        c.sim().after(c.step(), () -> start(uid));
    }

    /** Forgets pods that are gone. */
    void forget(String uid) {
        tracked.remove(uid);
    }

    private void bind(Pod pod) {
        String node = c.scheduler().place(pod.getSpec());
        if (node == null) {
            return;
        }
        Pod bound = new PodBuilder(pod).editSpec().withNodeName(node).endSpec().build();
        bound.getStatus().setConditions(List.of(condition("PodScheduled", "True", null, null, c.sim().now())));
        c.store().update(Resources.PODS, pod.getMetadata().getNamespace(), pod.getMetadata().getName(), bound);
    }

    private Pod current(String uid) {
        Tracked t = tracked.get(uid);
        if (t == null) {
            return null;
        }
        Pod pod = c.cluster().get(Resources.PODS, t.namespace, t.name);
        if (pod == null || !uid.equals(pod.getMetadata().getUid())) {
            tracked.remove(uid);
            return null;
        }
        return pod;
    }

    private void start(String uid) {
        Pod pod = current(uid);
        if (pod == null) {
            return;
        }
        Instant now = c.sim().now();
        String node = pod.getSpec().getNodeName();
        Fault fault = fault(pod.getSpec());
        String host = node;
        for (Container container : pod.getSpec().getContainers()) {
            if (fault == Fault.PULL) {
                c.recorder().record(pod, "kubelet", "Normal", "Pulling", "Pulling image \"" + container.getImage() + "\"", host);
            }
        }
        PodStatus status = Json.convert(Json.tree(pod.getStatus()), PodStatus.class);
        status.setStartTime(Kube.time(now));
        status.setHostIP(Controllers.nodeIp(node));
        status.setHostIPs(List.of(new HostIPBuilder().withIp(Controllers.nodeIp(node)).build()));
        switch (fault) {
            case NONE -> {
                status = runningStatus(pod, now, now.minus(c.step()), c.scheduler().podIp(node));
                for (Container container : pod.getSpec().getContainers()) {
                    c.recorder().record(pod, "kubelet", "Normal", "Pulled", "Container image \"" + container.getImage()
                            + "\" already present on machine", host);
                    c.recorder().record(pod, "kubelet", "Normal", "Created", "Created container: " + container.getName(), host);
                    c.recorder().record(pod, "kubelet", "Normal", "Started", "Started container " + container.getName(), host);
                }
            }
            case CRASH -> {
                String ip = c.scheduler().podIp(node);
                status.setPhase("Running");
                status.setPodIP(ip);
                status.setPodIPs(List.of(new PodIPBuilder().withIp(ip).build()));
                tracked.get(uid).restarts = 1;
                status.setContainerStatuses(containers(pod, now, 1, "CrashLoopBackOff"));
                status.setConditions(conditions(now, false, pod));
                for (Container container : pod.getSpec().getContainers()) {
                    c.recorder().record(pod, "kubelet", "Normal", "Pulled", "Container image \"" + container.getImage()
                            + "\" already present on machine", host);
                    c.recorder().record(pod, "kubelet", "Normal", "Created", "Created container: " + container.getName(), host);
                    c.recorder().record(pod, "kubelet", "Normal", "Started", "Started container " + container.getName(), host);
                }
                backOff(pod, host);
                c.sim().after(restartInterval(1), () -> restart(uid));
            }
            case PULL -> {
                status.setContainerStatuses(containers(pod, now, 0, "ErrImagePull"));
                status.setConditions(conditions(now, false, pod));
                for (Container container : pod.getSpec().getContainers()) {
                    if (fault(container.getImage()) == Fault.PULL) {
                        c.recorder().record(pod, "kubelet", "Warning", "Failed", pullError(container.getImage()), host);
                    }
                }
                c.sim().after(c.step(), () -> pullBackOff(uid));
            }
        }
        c.store().updateStatus(Resources.PODS, pod.getMetadata().getNamespace(), pod.getMetadata().getName(),
                new PodBuilder(pod).withStatus(status).build());
    }

    /** The status of a pod that started at the given time and is ready. */
    PodStatus runningStatus(Pod pod, Instant startedAt, Instant scheduledAt, String ip) {
        String node = pod.getSpec().getNodeName();
        return new PodStatusBuilder()
                .withPhase("Running")
                .withQosClass(qosClass(pod.getSpec()))
                .withHostIP(Controllers.nodeIp(node))
                .withHostIPs(new HostIPBuilder().withIp(Controllers.nodeIp(node)).build())
                .withPodIP(ip)
                .withPodIPs(new PodIPBuilder().withIp(ip).build())
                .withStartTime(Kube.time(scheduledAt))
                .withConditions(
                        condition("PodReadyToStartContainers", "True", null, null, startedAt),
                        condition("Initialized", "True", null, null, scheduledAt),
                        condition("Ready", "True", null, null, startedAt),
                        condition("ContainersReady", "True", null, null, startedAt),
                        condition("PodScheduled", "True", null, null, scheduledAt))
                .withContainerStatuses(containers(pod, startedAt, 0, null))
                .build();
    }

    private void restart(String uid) {
        Pod pod = current(uid);
        if (pod == null) {
            return;
        }
        Tracked t = tracked.get(uid);
        t.restarts++;
        Instant now = c.sim().now();
        PodStatus status = Json.convert(Json.tree(pod.getStatus()), PodStatus.class);
        status.setContainerStatuses(containers(pod, now, t.restarts, "CrashLoopBackOff"));
        c.store().updateStatus(Resources.PODS, pod.getMetadata().getNamespace(), pod.getMetadata().getName(),
                new PodBuilder(pod).withStatus(status).build());
        backOff(pod, pod.getSpec().getNodeName());
        c.sim().after(restartInterval(t.restarts), () -> restart(uid));
    }

    private void pullBackOff(String uid) {
        Pod pod = current(uid);
        if (pod == null) {
            return;
        }
        PodStatus status = Json.convert(Json.tree(pod.getStatus()), PodStatus.class);
        status.setContainerStatuses(containers(pod, c.sim().now(), 0, "ImagePullBackOff"));
        c.store().updateStatus(Resources.PODS, pod.getMetadata().getNamespace(), pod.getMetadata().getName(),
                new PodBuilder(pod).withStatus(status).build());
        for (Container container : pod.getSpec().getContainers()) {
            if (fault(container.getImage()) == Fault.PULL) {
                c.recorder().record(pod, "kubelet", "Normal", "BackOff", "Back-off pulling image \"" + container.getImage() + "\"",
                        pod.getSpec().getNodeName());
            }
        }
        c.sim().after(restartInterval(4), () -> pullBackOff(uid));
    }

    private void backOff(Pod pod, String host) {
        for (Container container : pod.getSpec().getContainers()) {
            if (fault(container.getImage()) == Fault.CRASH) {
                c.recorder().record(pod, "kubelet", "Warning", "BackOff", "Back-off restarting failed container "
                        + container.getName() + " in pod " + pod.getMetadata().getName() + "_" + pod.getMetadata().getNamespace()
                        + "(" + pod.getMetadata().getUid() + ")", host);
            }
        }
    }

    /** Crash-loop back-off, scaled to the rollout step: 2, 4, 8, then 16 steps (at least 1 s). */
    Duration restartInterval(int restarts) {
        long factor = 2L << Math.min(3, Math.max(0, restarts - 1));
        return Duration.ofMillis(Math.max(1000, c.step().toMillis() * factor));
    }

    /** A healthy pod's container restarts (churn): restartCount up, last state terminated. */
    boolean churnRestart(Pod pod) {
        if (pod.getStatus() == null || !"Running".equals(pod.getStatus().getPhase())
                || pod.getStatus().getContainerStatuses() == null || pod.getStatus().getContainerStatuses().isEmpty()) {
            return false;
        }
        Instant now = c.sim().now();
        PodStatus status = Json.convert(Json.tree(pod.getStatus()), PodStatus.class);
        List<ContainerStatus> statuses = new ArrayList<>();
        boolean first = true;
        for (ContainerStatus cs : status.getContainerStatuses()) {
            if (first && Boolean.TRUE.equals(cs.getReady())) {
                String startedAt = cs.getState() != null && cs.getState().getRunning() != null
                        ? cs.getState().getRunning().getStartedAt() : Kube.time(now);
                boolean oom = c.random().nextInt(4) == 0;
                cs = new ContainerStatusBuilder(cs)
                        .withRestartCount(Kube.nz(cs.getRestartCount()) + 1)
                        .withNewLastState().withNewTerminated()
                            .withExitCode(oom ? 137 : 1)
                            .withReason(oom ? "OOMKilled" : "Error")
                            .withStartedAt(startedAt)
                            .withFinishedAt(Kube.time(now))
                            .withContainerID(cs.getContainerID())
                        .endTerminated().endLastState()
                        .withNewState().withNewRunning().withStartedAt(Kube.time(now)).endRunning().endState()
                        .withContainerID("containerd://" + randomHex(64))
                        .build();
                first = false;
            }
            statuses.add(cs);
        }
        if (first) {
            return false;
        }
        status.setContainerStatuses(statuses);
        boolean ok = c.store().updateStatus(Resources.PODS, pod.getMetadata().getNamespace(), pod.getMetadata().getName(),
                new PodBuilder(pod).withStatus(status).build()).ok();
        if (ok) {
            String container = statuses.getFirst().getName();
            c.recorder().record(pod, "kubelet", "Normal", "Killing",
                    "Container " + container + " failed liveness probe, will be restarted", pod.getSpec().getNodeName());
        }
        return ok;
    }

    private List<ContainerStatus> containers(Pod pod, Instant now, int restarts, String waitingReason) {
        List<ContainerStatus> out = new ArrayList<>();
        for (Container container : pod.getSpec().getContainers()) {
            Fault f = fault(container.getImage());
            ContainerStatusBuilder b = new ContainerStatusBuilder()
                    .withName(container.getName())
                    .withImage(container.getImage())
                    .withImageID(f == Fault.PULL ? "" : imageId(container.getImage()))
                    .withRestartCount(f == Fault.CRASH ? restarts : 0);
            if (f == Fault.NONE) {
                b.withReady(true).withStarted(true)
                        .withContainerID("containerd://" + randomHex(64))
                        .withNewState().withNewRunning().withStartedAt(Kube.time(now)).endRunning().endState();
            } else if (f == Fault.CRASH) {
                b.withReady(false).withStarted(false)
                        .withContainerID("containerd://" + randomHex(64))
                        .withNewState().withNewWaiting().withReason("CrashLoopBackOff")
                            .withMessage("back-off " + Math.min(300, 10L << Math.min(5, Math.max(0, restarts - 1)))
                                    + "s restarting failed container=" + container.getName() + " pod=" + pod.getMetadata().getName()
                                    + "_" + pod.getMetadata().getNamespace() + "(" + pod.getMetadata().getUid() + ")")
                        .endWaiting().endState()
                        .withNewLastState().withNewTerminated()
                            .withExitCode(1).withReason("Error")
                            .withStartedAt(Kube.time(now.minusMillis(800)))
                            .withFinishedAt(Kube.time(now))
                            .withContainerID("containerd://" + randomHex(64))
                        .endTerminated().endLastState();
            } else {
                b.withReady(false).withStarted(false)
                        .withNewState().withNewWaiting().withReason(waitingReason)
                            .withMessage(waitingReason.equals("ImagePullBackOff")
                                    ? "Back-off pulling image \"" + container.getImage() + "\": ErrImagePull: " + pullError(container.getImage())
                                    : pullError(container.getImage()))
                        .endWaiting().endState();
            }
            out.add(b.build());
        }
        return out;
    }

    private static String pullError(String image) {
        return "Failed to pull image \"" + image + "\": rpc error: code = NotFound desc = failed to pull and unpack image \""
                + image + "\": failed to resolve reference \"" + image + "\": " + image + ": not found";
    }

    private List<PodCondition> conditions(Instant now, boolean ready, Pod pod) {
        String notReady = null;
        if (!ready && pod != null) {
            List<String> names = new ArrayList<>();
            pod.getSpec().getContainers().forEach(ct -> names.add(ct.getName()));
            notReady = "containers with unready status: [" + String.join(" ", names) + "]";
        }
        Instant scheduled = now.minus(c.step());
        return List.of(
                condition("PodReadyToStartContainers", "True", null, null, now),
                condition("Initialized", "True", null, null, scheduled),
                condition("Ready", ready ? "True" : "False", ready ? null : "ContainersNotReady", notReady, now),
                condition("ContainersReady", ready ? "True" : "False", ready ? null : "ContainersNotReady", notReady, now),
                condition("PodScheduled", "True", null, null, scheduled));
    }

    static PodCondition condition(String type, String status, String reason, String message, Instant at) {
        return new PodConditionBuilder()
                .withType(type).withStatus(status).withReason(reason).withMessage(message)
                .withLastProbeTime(null).withLastTransitionTime(Kube.time(at))
                .build();
    }

    static boolean isReady(Pod pod) {
        if (pod.getStatus() == null || pod.getStatus().getConditions() == null) {
            return false;
        }
        for (PodCondition cond : pod.getStatus().getConditions()) {
            if ("Ready".equals(cond.getType())) {
                return "True".equals(cond.getStatus());
            }
        }
        return false;
    }

    static Instant readySince(Pod pod) {
        for (PodCondition cond : pod.getStatus().getConditions()) {
            if ("Ready".equals(cond.getType())) {
                return Kube.parseTime(cond.getLastTransitionTime());
            }
        }
        return Instant.EPOCH;
    }

    static String qosClass(PodSpec spec) {
        boolean any = false;
        boolean guaranteed = true;
        for (Container container : spec.getContainers()) {
            var r = container.getResources();
            Map<String, Quantity> req = r == null ? null : r.getRequests();
            Map<String, Quantity> lim = r == null ? null : r.getLimits();
            if ((req != null && !req.isEmpty()) || (lim != null && !lim.isEmpty())) {
                any = true;
            }
            if (lim == null || req == null || !lim.equals(req) || lim.size() < 2) {
                guaranteed = false;
            }
        }
        return !any ? "BestEffort" : guaranteed ? "Guaranteed" : "Burstable";
    }

    private static final Map<String, String> IMAGE_IDS = new ConcurrentHashMap<>();

    static String imageId(String image) {
        return IMAGE_IDS.computeIfAbsent(image, Kubelet::computeImageId);
    }

    private static String computeImageId(String image) {
        String repo = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        int colon = repo.lastIndexOf(':');
        if (colon > repo.lastIndexOf('/')) {
            repo = repo.substring(0, colon);
        }
        return repo + "@sha256:" + sha256(image);
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String randomHex(int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(Character.forDigit(c.random().nextInt(16), 16));
        }
        return sb.toString();
    }
}
