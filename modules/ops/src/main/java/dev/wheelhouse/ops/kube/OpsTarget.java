package dev.wheelhouse.ops.kube;

import dev.wheelhouse.core.cluster.RowKey;
import dev.wheelhouse.core.ops.LockKey;
import dev.wheelhouse.core.ops.WorkloadRef;
import dev.wheelhouse.core.workspace.Application;
import dev.wheelhouse.core.workspace.Environment;
import dev.wheelhouse.core.workspace.KubeTarget;
import dev.wheelhouse.core.workspace.WorkloadKind;
import java.util.List;
import java.util.Objects;

/**
 * The workload an operation acts on, resolved from the workspace: the environment (its tier
 * drives the guardrails), the application's name (what the history and the lock are keyed on),
 * the workload and the container whose image is the version.
 *
 * @param container null: the first container
 * @param rollbackOnFailure the application is set to roll a failed deploy back by itself
 */
public record OpsTarget(Environment environment, String application, WorkloadRef workload, String container,
                        boolean rollbackOnFailure) {
    public OpsTarget {
        Objects.requireNonNull(environment);
        Objects.requireNonNull(workload);
        application = application == null || application.isBlank() ? workload.name() : application;
    }

    public OpsTarget(Environment environment, String application, WorkloadRef workload, String container) {
        this(environment, application, workload, container, false);
    }

    /**
     * An application of the workspace in an environment: the first Kubernetes target's context
     * and first namespace (the headless commands' and the version matrix's way in).
     *
     * @throws dev.wheelhouse.ops.OpsInputException when the environment has no cluster or the application no workload
     */
    public static OpsTarget of(Environment env, Application app) {
        if (app.workload() == null) {
            throw new dev.wheelhouse.ops.OpsInputException("application '" + app.name() + "' has no Kubernetes workload");
        }
        if (env.kubeTargets().isEmpty()) {
            throw new dev.wheelhouse.ops.OpsInputException("environment '" + env.name() + "' has no Kubernetes targets");
        }
        KubeTarget target = env.kubeTargets().getFirst();
        String namespace = target.namespaces().isEmpty() ? null : target.namespaces().getFirst();
        return new OpsTarget(env, app.name(), new WorkloadRef(target.context(), namespace, app.workload().kind(),
                app.workload().name()), app.workload().container(), app.workload().effectiveRollbackOnFailure());
    }

    /**
     * A workload picked in a live view (its row key: context, kind, namespace, name); the
     * application is the workspace's one with that workload, else the workload's name.
     *
     * @throws dev.wheelhouse.ops.OpsInputException when the row is not a Deployment, StatefulSet or DaemonSet
     */
    public static OpsTarget of(Environment env, RowKey row, List<Application> applications) {
        WorkloadKind kind = WorkloadKind.parse(row.kind()).orElseThrow(() -> new dev.wheelhouse.ops.OpsInputException(
                row.kind() + " " + row.name() + " is not a Deployment, StatefulSet or DaemonSet"));
        Application app = applications.stream().filter(a -> a.workload() != null && a.workload().kind() == kind
                && a.workload().name().equals(row.name())).findFirst().orElse(null);
        return new OpsTarget(env, app == null ? row.name() : app.name(),
                new WorkloadRef(row.context(), row.namespace(), kind, row.name()), app == null ? null : app.workload().container(),
                app != null && app.workload().effectiveRollbackOnFailure());
    }

    /** The lock of this application in this environment. */
    public LockKey lockKey() {
        return LockKey.forApplication(workload, application);
    }

    /** "deployment/storefront in sandbox-staging (wheelhouse-sandbox/shop-staging)". */
    public String describe() {
        return workload.kubectlName() + " in " + environment.name() + " (" + workload.context() + "/"
                + (workload.namespace() == null ? "default namespace" : workload.namespace()) + ")";
    }
}
