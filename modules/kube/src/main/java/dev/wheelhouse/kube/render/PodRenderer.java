package dev.wheelhouse.kube.render;

import dev.wheelhouse.core.cluster.Column;
import dev.wheelhouse.core.cluster.ContainerImage;
import dev.wheelhouse.core.cluster.Health;
import dev.wheelhouse.core.cluster.ResourceRow;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Pods as kubectl get pods prints them (printers.go printPod), with a health verdict. */
public final class PodRenderer implements Renderer<Pod> {
    public static final List<Column> COLUMNS = List.of(
            Column.text("NAME"), Column.text("READY"), Column.text("STATUS"), Column.number("RESTARTS"),
            Column.age("LAST RESTART"), Column.age("AGE"), Column.wide("IP"), Column.wide("NODE"));

    /** Reasons that mean the pod does not run and will not without help. */
    private static final Set<String> FAILED = Set.of(
            "CrashLoopBackOff", "ImagePullBackOff", "ErrImagePull", "InvalidImageName", "ErrImageNeverPull",
            "CreateContainerConfigError", "CreateContainerError", "RunContainerError", "StartError", "OOMKilled",
            "Error", "Failed", "Evicted", "ContainerStatusUnknown", "DeadlineExceeded", "UnexpectedAdmissionError",
            "NodeAffinity", "OutOfcpu", "OutOfmemory");

    /** What kubectl prints for a pod, plus what the health verdict needs. */
    public record Summary(String status, int ready, int total, int restarts, Instant lastRestart) {}

    @Override
    public ResourceRow render(Pod pod, Related related) {
        Summary s = summarize(pod);
        PodStatus st = pod.getStatus();
        List<ContainerImage> images = Rows.images(pod.getSpec());
        List<String> cells = List.of(
                pod.getMetadata().getName(),
                s.ready() + "/" + s.total(),
                s.status(),
                Integer.toString(s.restarts()),
                s.lastRestart() == null || s.restarts() == 0 ? "" : s.lastRestart().toString(),
                Rows.age(pod),
                st == null ? "<none>" : Rows.orNone(st.getPodIP()),
                pod.getSpec() == null ? "<none>" : Rows.orNone(pod.getSpec().getNodeName()));
        return Rows.row("Pod", pod, cells, health(s), s.status(), images, Rows.mainVersion(images, ""));
    }

    public static Health health(Summary s) {
        String status = s.status();
        String reason = status.startsWith("Init:") ? status.substring(5) : status;
        if (FAILED.contains(reason) || reason.startsWith("ExitCode:") || reason.startsWith("Signal:")) {
            return Health.FAILED;
        }
        return switch (status) {
            case "Running" -> s.ready() == s.total() ? Health.HEALTHY : Health.DEGRADED;
            case "Completed", "Succeeded" -> Health.HEALTHY;
            case "Unknown" -> Health.UNKNOWN;
            default -> Health.DEGRADED;
        };
    }

    /** printers.go printPod: the STATUS, READY and RESTARTS columns. */
    public static Summary summarize(Pod pod) {
        PodStatus st = pod.getStatus() == null ? new PodStatus() : pod.getStatus();
        List<Container> containers = pod.getSpec() == null || pod.getSpec().getContainers() == null
                ? List.of() : pod.getSpec().getContainers();
        List<Container> initSpecs = pod.getSpec() == null || pod.getSpec().getInitContainers() == null
                ? List.of() : pod.getSpec().getInitContainers();
        int restarts = 0;
        int restartableInitRestarts = 0;
        int total = containers.size();
        int ready = 0;
        Instant lastRestart = null;
        Instant lastRestartableInitRestart = null;
        String phase = Rows.nz(st.getPhase());
        String reason = st.getReason() != null && !st.getReason().isEmpty() ? st.getReason() : phase;

        for (PodCondition c : list(st.getConditions())) {
            if ("PodScheduled".equals(c.getType()) && "SchedulingGated".equals(c.getReason())) {
                reason = "SchedulingGated";
            }
        }

        Map<String, Container> inits = new HashMap<>();
        for (Container c : initSpecs) {
            inits.put(c.getName(), c);
            if (restartable(c)) {
                total++;
            }
        }

        boolean initializing = false;
        List<ContainerStatus> initStatuses = list(st.getInitContainerStatuses());
        for (int i = 0; i < initStatuses.size(); i++) {
            ContainerStatus c = initStatuses.get(i);
            restarts += Rows.nz(c.getRestartCount());
            Instant terminated = lastTerminated(c);
            lastRestart = later(lastRestart, terminated);
            boolean sidecar = restartable(inits.get(c.getName()));
            if (sidecar) {
                restartableInitRestarts += Rows.nz(c.getRestartCount());
                lastRestartableInitRestart = later(lastRestartableInitRestart, terminated);
            }
            ContainerStateTerminated term = c.getState() == null ? null : c.getState().getTerminated();
            if (term != null && Rows.nz(term.getExitCode()) == 0) {
                continue;
            }
            if (sidecar && Boolean.TRUE.equals(c.getStarted())) {
                if (Boolean.TRUE.equals(c.getReady())) {
                    ready++;
                }
                continue;
            }
            if (term != null) {
                if (term.getReason() == null || term.getReason().isEmpty()) {
                    reason = Rows.nz(term.getSignal()) != 0
                            ? "Init:Signal:" + term.getSignal()
                            : "Init:ExitCode:" + Rows.nz(term.getExitCode());
                } else {
                    reason = "Init:" + term.getReason();
                }
            } else if (c.getState() != null && c.getState().getWaiting() != null
                    && c.getState().getWaiting().getReason() != null && !c.getState().getWaiting().getReason().isEmpty()
                    && !"PodInitializing".equals(c.getState().getWaiting().getReason())) {
                reason = "Init:" + c.getState().getWaiting().getReason();
            } else {
                reason = "Init:" + i + "/" + initSpecs.size();
            }
            initializing = true;
            break;
        }

        if (!initializing || conditionTrue(st, "Initialized")) {
            restarts = restartableInitRestarts;
            lastRestart = lastRestartableInitRestart;
            boolean hasRunning = false;
            List<ContainerStatus> statuses = list(st.getContainerStatuses());
            for (int i = statuses.size() - 1; i >= 0; i--) {
                ContainerStatus c = statuses.get(i);
                restarts += Rows.nz(c.getRestartCount());
                lastRestart = later(lastRestart, lastTerminated(c));
                var state = c.getState();
                if (state != null && state.getWaiting() != null && notEmpty(state.getWaiting().getReason())) {
                    reason = state.getWaiting().getReason();
                } else if (state != null && state.getTerminated() != null && notEmpty(state.getTerminated().getReason())) {
                    reason = state.getTerminated().getReason();
                } else if (state != null && state.getTerminated() != null) {
                    reason = Rows.nz(state.getTerminated().getSignal()) != 0
                            ? "Signal:" + state.getTerminated().getSignal()
                            : "ExitCode:" + Rows.nz(state.getTerminated().getExitCode());
                } else if (Boolean.TRUE.equals(c.getReady()) && state != null && state.getRunning() != null) {
                    hasRunning = true;
                    ready++;
                }
            }
            if ("Completed".equals(reason) && hasRunning) {
                reason = conditionTrue(st, "Ready") ? "Running" : "NotReady";
            }
        }

        if (Rows.terminating(pod) && "NodeLost".equals(st.getReason())) {
            reason = "Unknown";
        } else if (Rows.terminating(pod) && !"Failed".equals(phase) && !"Succeeded".equals(phase)) {
            reason = "Terminating";
        }
        if (reason.isEmpty()) {
            reason = "Unknown";
        }
        return new Summary(reason, ready, total, restarts, lastRestart);
    }

    private static boolean restartable(Container c) {
        return c != null && "Always".equals(c.getRestartPolicy());
    }

    private static Instant lastTerminated(ContainerStatus c) {
        if (c.getLastState() == null || c.getLastState().getTerminated() == null) {
            return null;
        }
        return Rows.instant(c.getLastState().getTerminated().getFinishedAt());
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b != null && b.isAfter(a) ? b : a;
    }

    private static boolean conditionTrue(PodStatus st, String type) {
        return list(st.getConditions()).stream().anyMatch(c -> type.equals(c.getType()) && "True".equals(c.getStatus()));
    }

    private static boolean notEmpty(String s) {
        return s != null && !s.isEmpty();
    }

    private static <T> List<T> list(List<T> l) {
        return l == null ? List.of() : l;
    }
}
