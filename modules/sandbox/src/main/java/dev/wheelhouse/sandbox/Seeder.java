package dev.wheelhouse.sandbox;

import dev.wheelhouse.core.workspace.Application;
import dev.wheelhouse.core.workspace.Environment;
import dev.wheelhouse.core.workspace.KubeTarget;
import dev.wheelhouse.core.workspace.Tier;
import dev.wheelhouse.core.workspace.WorkloadKind;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.NodeConditionBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.TaintBuilder;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.fabric8.kubernetes.api.model.apps.ControllerRevisionBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSetStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatusBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressClassBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.storage.StorageClassBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * The sandbox's starting state, filed straight into the store before the port opens: three
 * environments as namespaces (shop-dev ahead of shop-staging ahead of shop-prod), four
 * Deployments, a StatefulSet and a DaemonSet in each, every one with past revisions; Services and
 * Endpoints, an Ingress, NetworkPolicies, StorageClasses, volumes and claims (one Pending), nodes
 * (one tainted), an HPA and Events; plus "load" Deployments when a scale is asked for. Status is
 * seeded exactly as the controllers would compute it, so nothing is rewritten at start.
 */
final class Seeder {
    static final String PART_OF = "shop";
    static final String REGISTRY = "registry.sandbox.local";

    /** An environment of the seed; its current version is versions[current], past ones before it. */
    record Env(String name, String namespace, Tier tier, int current, int pastRevisions, int replicas, String short_) {}

    /** An application of the seed. */
    record App(String name, WorkloadKind kind, String container, String image, List<String> versions, int port,
               String cpu, String memory, String cpuLimit, String memoryLimit) {}

    static final List<Env> ENVIRONMENTS = List.of(
            new Env("sandbox-dev", "shop-dev", Tier.DEVELOPMENT, 5, 2, 1, "dev"),
            new Env("sandbox-staging", "shop-staging", Tier.STAGING, 4, 3, 2, "staging"),
            new Env("sandbox-prod", "shop-prod", Tier.PRODUCTION, 3, 2, 3, "prod"));

    static final List<App> APPS = List.of(
            new App("storefront", WorkloadKind.DEPLOYMENT, "storefront", REGISTRY + "/shop/storefront",
                    List.of("1.7.3", "1.7.4", "1.8.0", "1.8.1", "1.8.2", "1.9.0"), 8080, "100m", "128Mi", "500m", "256Mi"),
            new App("catalog", WorkloadKind.DEPLOYMENT, "catalog", REGISTRY + "/shop/catalog",
                    List.of("2.3.0", "2.3.1", "2.4.0", "2.4.2", "2.5.0", "2.5.1"), 8080, "150m", "256Mi", "1", "512Mi"),
            new App("checkout", WorkloadKind.DEPLOYMENT, "checkout", REGISTRY + "/shop/checkout",
                    List.of("3.0.4", "3.1.0", "3.1.1", "3.2.0", "3.2.1", "3.3.0"), 8080, "100m", "192Mi", "500m", "384Mi"),
            new App("payments", WorkloadKind.DEPLOYMENT, "payments", REGISTRY + "/shop/payments",
                    List.of("1.12.0", "1.12.1", "1.13.0", "1.13.2", "1.14.0", "1.14.1"), 8443, "200m", "256Mi", "1", "512Mi"),
            new App("orders-db", WorkloadKind.STATEFULSET, "postgres", "docker.io/library/postgres",
                    List.of("16.1", "16.2", "16.3", "16.4", "16.6", "17.2"), 5432, "250m", "512Mi", "2", "1Gi"),
            new App("log-shipper", WorkloadKind.DAEMONSET, "fluent-bit", "cr.fluentbit.io/fluent/fluent-bit",
                    List.of("3.0.6", "3.0.7", "3.1.4", "3.1.6", "3.1.9", "3.2.2"), 2020, "50m", "64Mi", "200m", "128Mi"));

    private static final String[] NOTES = {
        "release train", "fix slow cart totals", "hotfix for currency rounding", "bump base image",
        "new search ranking behind a flag", "connection pool tuning"};

    static final int BASE_NODES = 4;
    static final String TAINTED_NODE = "sandbox-node-4";

    private final ApiStore store;
    private final Controllers c;
    private final SandboxOptions options;
    private final RandomGenerator random;
    private final Instant now;
    private final List<String[]> seededEvents = new ArrayList<>();
    private int pods;
    private int deployments;

    Seeder(Controllers controllers, SandboxOptions options) {
        this.c = controllers;
        this.store = controllers.store();
        this.options = options;
        this.random = controllers.random();
        this.now = controllers.sim().now();
    }

    int pods() {
        return pods;
    }

    int deployments() {
        return deployments;
    }

    SandboxSeed seed() {
        int basePods = basePods(BASE_NODES);
        int baseDeployments = ENVIRONMENTS.size() * (int) APPS.stream().filter(a -> a.kind() == WorkloadKind.DEPLOYMENT).count();
        int extraPods = Math.max(0, options.pods() - basePods);
        int nodes = BASE_NODES;
        if (extraPods > 0) {
            nodes = Math.max(BASE_NODES, (options.pods() + 99) / 100 + 1);
            extraPods = Math.max(0, options.pods() - basePods(nodes));
        }
        int extraDeployments = Math.max(0, options.deployments() - baseDeployments);
        if (extraDeployments == 0 && extraPods > 0) {
            extraDeployments = (extraPods + 9) / 10;
        }

        for (int i = 1; i <= nodes; i++) {
            node(i, nodes > BASE_NODES);
        }
        storage();
        Map<String, Map<String, String>> versions = new LinkedHashMap<>();
        List<Environment> environments = new ArrayList<>();
        for (Env env : ENVIRONMENTS) {
            namespace(env.namespace(), env.short_());
            Map<String, String> running = new LinkedHashMap<>();
            for (App app : APPS) {
                switch (app.kind()) {
                    case DEPLOYMENT -> deployment(env, app, app.name(), app.versions(), env.current(), env.pastRevisions(),
                            replicas(env, app), true);
                    case STATEFULSET -> statefulSet(env, app);
                    case DAEMONSET -> daemonSet(env, app);
                }
                running.put(app.name(), app.versions().get(env.current()));
            }
            services(env);
            versions.put(env.name(), running);
            environments.add(new Environment(env.name(), env.tier(), null, false,
                    List.of(new KubeTarget(Sandbox.CONTEXT, List.of(env.namespace()))), List.of()));
        }
        for (Service svc : c.cluster().<Service>all(Resources.SERVICES)) {
            store.seed(Resources.ENDPOINTS, c.endpoints().desired(svc));
        }
        hpa();
        pendingClaim();
        load(extraDeployments, extraPods);
        List<Application> applications = new ArrayList<>();
        for (App app : APPS) {
            applications.add(new Application(app.name(), new Application.Workload(app.kind(), app.name(), app.container()), null));
        }
        for (String[] e : seededEvents) {
            c.recorder().adopt(e[0], e[1]);
        }
        return new SandboxSeed(Sandbox.CONTEXT, environments, applications, versions);
    }

    /** Pods of the demo seed on so many nodes (the DaemonSets run one per node and namespace). */
    static int basePods(int nodes) {
        int n = 0;
        for (Env env : ENVIRONMENTS) {
            for (App app : APPS) {
                n += switch (app.kind()) {
                    case DEPLOYMENT -> replicas(env, app);
                    case STATEFULSET -> stsReplicas(env);
                    case DAEMONSET -> nodes;
                };
            }
        }
        return n;
    }

    static int replicas(Env env, App app) {
        return app.name().equals("payments") ? Math.max(1, env.replicas() - 1) : env.replicas();
    }

    static int stsReplicas(Env env) {
        return env.tier() == Tier.PRODUCTION ? 2 : 1;
    }

    // ---- cluster-scoped -----------------------------------------------------------------

    private void node(int i, boolean large) {
        String name = "sandbox-node-" + i;
        boolean tainted = name.equals(TAINTED_NODE);
        Instant created = now.minus(Duration.ofDays(45)).plusSeconds(i * 97L);
        String cpu = large ? "16" : "8";
        String memory = large ? "64Gi" : "32Gi";
        String allocCpu = large ? "15800m" : "7800m";
        String allocMemory = large ? "62Gi" : "30Gi";
        String zone = "sandbox-" + (char) ('a' + (i - 1) % 3);
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("kubernetes.io/hostname", name);
        labels.put("kubernetes.io/os", "linux");
        labels.put("kubernetes.io/arch", "amd64");
        labels.put("node.kubernetes.io/instance-type", large ? "sandbox.xlarge" : "sandbox.large");
        labels.put("topology.kubernetes.io/zone", zone);
        if (tainted) {
            labels.put("workload", "database");
        }
        String heartbeat = Kube.time(now.minusSeconds(8 + i % 20));
        Node node = new NodeBuilder()
                .withNewMetadata().withName(name).withUid(uid()).withCreationTimestamp(Kube.time(created)).withLabels(labels)
                    .addToAnnotations("node.alpha.kubernetes.io/ttl", "0")
                    .addToAnnotations("volumes.kubernetes.io/controller-managed-attach-detach", "true").endMetadata()
                .withNewSpec().withPodCIDR("10.244." + (i % 250) + ".0/24").withPodCIDRs("10.244." + (i % 250) + ".0/24")
                    .withProviderID("sandbox://" + name)
                    .withTaints(tainted ? List.of(new TaintBuilder().withKey("dedicated").withValue("database").withEffect("NoSchedule").build()) : null)
                .endSpec()
                .withNewStatus()
                    .addToCapacity("cpu", new Quantity(cpu)).addToCapacity("memory", new Quantity(memory))
                    .addToCapacity("pods", new Quantity("110")).addToCapacity("ephemeral-storage", new Quantity("100Gi"))
                    .addToAllocatable("cpu", new Quantity(allocCpu)).addToAllocatable("memory", new Quantity(allocMemory))
                    .addToAllocatable("pods", new Quantity("110")).addToAllocatable("ephemeral-storage", new Quantity("95Gi"))
                    .withConditions(
                            nodeCondition("MemoryPressure", "False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available", heartbeat, created),
                            nodeCondition("DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure", heartbeat, created),
                            nodeCondition("PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available", heartbeat, created),
                            nodeCondition("Ready", "True", "KubeletReady", "kubelet is posting ready status", heartbeat, created))
                    .addNewAddress().withType("InternalIP").withAddress(Controllers.nodeIp(name)).endAddress()
                    .addNewAddress().withType("Hostname").withAddress(name).endAddress()
                    .withNewDaemonEndpoints().withNewKubeletEndpoint().withPort(10250).endKubeletEndpoint().endDaemonEndpoints()
                    .withNewNodeInfo()
                        .withMachineID(hex(32)).withSystemUUID(uid()).withBootID(uid())
                        .withKernelVersion("6.1.0-25-amd64").withOsImage("Debian GNU/Linux 12 (bookworm)")
                        .withContainerRuntimeVersion("containerd://1.7.22").withKubeletVersion("v1.32.3")
                        .withKubeProxyVersion("v1.32.3").withOperatingSystem("linux").withArchitecture("amd64")
                    .endNodeInfo()
                .endStatus()
                .build();
        store.seed(Resources.NODES, node);
    }

    private static NodeCondition nodeCondition(String type, String status, String reason, String message,
                                                                               String heartbeat, Instant since) {
        return new NodeConditionBuilder().withType(type).withStatus(status).withReason(reason).withMessage(message)
                .withLastHeartbeatTime(heartbeat).withLastTransitionTime(Kube.time(since.plusSeconds(30))).build();
    }

    private void storage() {
        Instant created = now.minus(Duration.ofDays(60));
        store.seed(Resources.STORAGECLASSES, new StorageClassBuilder()
                .withNewMetadata().withName("standard").withUid(uid()).withCreationTimestamp(Kube.time(created))
                    .addToAnnotations("storageclass.kubernetes.io/is-default-class", "true").endMetadata()
                .withProvisioner("rancher.io/local-path").withReclaimPolicy("Delete").withVolumeBindingMode("WaitForFirstConsumer")
                .build());
        store.seed(Resources.STORAGECLASSES, new StorageClassBuilder()
                .withNewMetadata().withName("fast-ssd").withUid(uid()).withCreationTimestamp(Kube.time(created)).endMetadata()
                .withProvisioner("csi.sandbox.local/ssd").withReclaimPolicy("Retain").withVolumeBindingMode("Immediate")
                .withAllowVolumeExpansion(true).addToParameters("type", "ssd")
                .build());
        store.seed(Resources.INGRESSCLASSES, new IngressClassBuilder()
                .withNewMetadata().withName("nginx").withUid(uid()).withCreationTimestamp(Kube.time(created))
                    .addToAnnotations("ingressclass.kubernetes.io/is-default-class", "true").endMetadata()
                .withNewSpec().withController("k8s.io/ingress-nginx").endSpec()
                .build());
        store.seed(Resources.PVS, new PersistentVolumeBuilder()
                .withNewMetadata().withName("pv-spare-ssd-01").withUid(uid()).withCreationTimestamp(Kube.time(created.plus(Duration.ofDays(3)))).endMetadata()
                .withNewSpec().addToCapacity("storage", new Quantity("50Gi")).withAccessModes("ReadWriteOnce")
                    .withPersistentVolumeReclaimPolicy("Retain").withStorageClassName("fast-ssd").withVolumeMode("Filesystem")
                    .withNewHostPath().withPath("/mnt/ssd/spare-01").withType("DirectoryOrCreate").endHostPath().endSpec()
                .withNewStatus().withPhase("Available").endStatus()
                .build());
    }

    private void namespace(String name, String env) {
        Instant created = now.minus(Duration.ofDays(60));
        store.seed(Resources.NAMESPACES, new NamespaceBuilder()
                .withNewMetadata().withName(name).withUid(uid()).withCreationTimestamp(Kube.time(created))
                    .addToLabels("kubernetes.io/metadata.name", name).addToLabels("environment", env)
                    .addToLabels("wheelhouse.dev/sandbox", "true").endMetadata()
                .withNewSpec().withFinalizers("kubernetes").endSpec()
                .withNewStatus().withPhase("Active").endStatus()
                .build());
        store.seed(Resources.SERVICEACCOUNTS, new ServiceAccountBuilder()
                .withNewMetadata().withName("default").withNamespace(name).withUid(uid()).withCreationTimestamp(Kube.time(created)).endMetadata()
                .build());
        store.seed(Resources.CONFIGMAPS, new ConfigMapBuilder()
                .withNewMetadata().withName("shop-settings").withNamespace(name).withUid(uid())
                    .withCreationTimestamp(Kube.time(created.plus(Duration.ofDays(1)))).addToLabels("app.kubernetes.io/part-of", PART_OF).endMetadata()
                .addToData("SHOP_ENV", env).addToData("LOG_LEVEL", env.equals("prod") ? "info" : "debug")
                .addToData("CURRENCY", "EUR")
                .build());
    }

    // ---- workloads ------------------------------------------------------------------------

    private PodTemplateSpec template(String appName, App app, String version, String env) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("app", appName);
        labels.put("app.kubernetes.io/name", appName);
        labels.put("app.kubernetes.io/part-of", app == null ? "load" : PART_OF);
        ContainerBuilder container = new ContainerBuilder()
                .withName(app == null ? "app" : app.container())
                .withImage((app == null ? REGISTRY + "/load/" + appName : app.image()) + ":" + version)
                .withImagePullPolicy("IfNotPresent")
                .addNewPort().withName("http").withContainerPort(app == null ? 8080 : app.port()).withProtocol("TCP").endPort()
                .addNewEnv().withName("SHOP_ENV").withValue(env).endEnv()
                .withNewResources()
                    .addToRequests("cpu", new Quantity(app == null ? "50m" : app.cpu()))
                    .addToRequests("memory", new Quantity(app == null ? "64Mi" : app.memory()))
                    .addToLimits("cpu", new Quantity(app == null ? "200m" : app.cpuLimit()))
                    .addToLimits("memory", new Quantity(app == null ? "128Mi" : app.memoryLimit()))
                .endResources()
                .withTerminationMessagePath("/dev/termination-log")
                .withTerminationMessagePolicy("File");
        if (app == null || app.kind() == WorkloadKind.DEPLOYMENT) {
            container.withNewReadinessProbe()
                    .withNewHttpGet().withPath("/healthz").withPort(new IntOrString("http")).withScheme("HTTP").endHttpGet()
                    .withPeriodSeconds(10).withTimeoutSeconds(1).withSuccessThreshold(1).withFailureThreshold(3)
                    .endReadinessProbe();
        }
        PodTemplateSpecBuilder b = new PodTemplateSpecBuilder()
                .withNewMetadata().withLabels(labels).endMetadata()
                .withNewSpec()
                    .withContainers(container.build())
                    .withRestartPolicy("Always")
                    .withTerminationGracePeriodSeconds(30L)
                    .withDnsPolicy("ClusterFirst")
                    .withSchedulerName("default-scheduler")
                    .withNewSecurityContext().endSecurityContext()
                .endSpec();
        PodTemplateSpec t = b.build();
        if (app != null && app.kind() == WorkloadKind.STATEFULSET) {
            t.getSpec().setNodeSelector(Map.of("workload", "database"));
            t.getSpec().setTolerations(List.of(new TolerationBuilder().withKey("dedicated").withOperator("Equal")
                    .withValue("database").withEffect("NoSchedule").build()));
            t.getSpec().getContainers().getFirst().setVolumeMounts(List.of(new VolumeMountBuilder()
                    .withName("data").withMountPath("/var/lib/postgresql/data").build()));
        }
        if (app != null && app.kind() == WorkloadKind.DAEMONSET) {
            t.getSpec().setTolerations(List.of(new TolerationBuilder().withOperator("Exists").build()));
            t.getSpec().getContainers().getFirst().setVolumeMounts(List.of(new VolumeMountBuilder()
                    .withName("varlog").withMountPath("/var/log").withReadOnly(true).build()));
            t.getSpec().setVolumes(List.of(new VolumeBuilder().withName("varlog")
                    .withNewHostPath().withPath("/var/log").withType("").endHostPath().build()));
        }
        return t;
    }

    private String changeCause(String app, String version, int index) {
        return "deploy " + app + " " + version + ": " + NOTES[Math.floorMod(index + app.length(), NOTES.length)];
    }

    /**
     * A Deployment with its ReplicaSets: revisions 1..n for versions[current - past .. current],
     * the last one running with the given replicas, the others scaled to zero.
     */
    private void deployment(Env env, App app, String name, List<String> versions, int current, int past, int replicas, boolean withEvents) {
        String ns = env.namespace();
        int first = current - past;
        Instant created = now.minus(Duration.ofDays(12L + past * 4L)).plusSeconds(random.nextInt(3600));
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("app", name);
        labels.put("app.kubernetes.io/part-of", app == null ? "load" : PART_OF);
        String currentVersion = versions.get(current);
        PodTemplateSpec currentTemplate = template(name, app, currentVersion, env.short_());
        int generation = past + 1;
        Deployment d = new DeploymentBuilder()
                .withNewMetadata().withName(name).withNamespace(ns).withUid(uid()).withCreationTimestamp(Kube.time(created))
                    .withGeneration((long) generation).withLabels(labels)
                    .addToAnnotations(Kube.REVISION, Integer.toString(past + 1))
                    .addToAnnotations(Kube.CHANGE_CAUSE, changeCause(name, currentVersion, current))
                .endMetadata()
                .withNewSpec()
                    .withReplicas(replicas)
                    .withNewSelector().addToMatchLabels("app", name).endSelector()
                    .withTemplate(currentTemplate)
                    .withNewStrategy().withType("RollingUpdate").withNewRollingUpdate()
                        .withMaxSurge(new IntOrString("25%")).withMaxUnavailable(new IntOrString("25%")).endRollingUpdate().endStrategy()
                    .withRevisionHistoryLimit(10)
                    .withProgressDeadlineSeconds(options.progressDeadlineSeconds())
                .endSpec()
                .build();
        int maxSurge = (int) Math.ceil(replicas * 0.25);
        Instant currentRsCreated = null;
        List<ReplicaSet> sets = new ArrayList<>();
        for (int i = first; i <= current; i++) {
            int revision = i - first + 1;
            Instant rsCreated = i == current
                    ? now.minus(Duration.ofHours(env.tier() == Tier.DEVELOPMENT ? 3 : env.tier() == Tier.STAGING ? 26 : 50))
                            .minusSeconds(random.nextInt(1800))
                    : created.plus(Duration.ofDays((long) (i - first) * 3)).plusSeconds(random.nextInt(3600));
            PodTemplateSpec t = i == current ? currentTemplate : template(name, app, versions.get(i), env.short_());
            String hash = Kube.templateHash(t);
            PodTemplateSpec rsTemplate = Json.convert(Json.tree(t), PodTemplateSpec.class);
            Map<String, String> rsLabels = new LinkedHashMap<>(t.getMetadata().getLabels());
            rsLabels.put(Kube.POD_TEMPLATE_HASH, hash);
            rsTemplate.getMetadata().setLabels(new LinkedHashMap<>(rsLabels));
            int rsReplicas = i == current ? replicas : 0;
            long rsGeneration = i == current ? 1 : 2;
            ReplicaSet rs = new ReplicaSetBuilder()
                    .withNewMetadata().withName(name + "-" + hash).withNamespace(ns).withUid(uid())
                        .withCreationTimestamp(Kube.time(rsCreated)).withGeneration(rsGeneration).withLabels(rsLabels)
                        .addToAnnotations(Kube.DESIRED_REPLICAS, Integer.toString(replicas))
                        .addToAnnotations(Kube.MAX_REPLICAS, Integer.toString(replicas + maxSurge))
                        .addToAnnotations(Kube.REVISION, Integer.toString(revision))
                        .addToAnnotations(Kube.CHANGE_CAUSE, changeCause(name, versions.get(i), i))
                        .withOwnerReferences(Kube.controllerRef(d))
                    .endMetadata()
                    .withNewSpec().withReplicas(rsReplicas)
                        .withNewSelector().addToMatchLabels("app", name).addToMatchLabels(Kube.POD_TEMPLATE_HASH, hash).endSelector()
                        .withTemplate(rsTemplate)
                    .endSpec()
                    .withNewStatus().withReplicas(rsReplicas)
                        .withFullyLabeledReplicas(Kube.omitZero(rsReplicas))
                        .withReadyReplicas(Kube.omitZero(rsReplicas))
                        .withAvailableReplicas(Kube.omitZero(rsReplicas))
                        .withObservedGeneration(rsGeneration)
                    .endStatus()
                    .build();
            sets.add(rs);
            if (i == current) {
                currentRsCreated = rsCreated;
            }
        }
        Instant progressed = currentRsCreated.plus(Duration.ofSeconds(12 + random.nextInt(40)));
        Instant available = created.plusSeconds(20);
        String currentRs = sets.getLast().getMetadata().getName();
        d.setStatus(new DeploymentStatusBuilder()
                .withObservedGeneration((long) generation)
                .withReplicas(Kube.omitZero(replicas))
                .withUpdatedReplicas(Kube.omitZero(replicas))
                .withReadyReplicas(Kube.omitZero(replicas))
                .withAvailableReplicas(Kube.omitZero(replicas))
                .withConditions(
                        new DeploymentConditionBuilder().withType(DeploymentController.AVAILABLE).withStatus("True")
                                .withReason(DeploymentController.MIN_AVAILABLE).withMessage("Deployment has minimum availability.")
                                .withLastUpdateTime(Kube.time(available)).withLastTransitionTime(Kube.time(available)).build(),
                        new DeploymentConditionBuilder().withType(DeploymentController.PROGRESSING).withStatus("True")
                                .withReason(DeploymentController.NEW_RS_AVAILABLE)
                                .withMessage("ReplicaSet \"" + currentRs + "\" has successfully progressed.")
                                .withLastUpdateTime(Kube.time(progressed)).withLastTransitionTime(Kube.time(created.plusSeconds(5))).build())
                .build());
        store.seed(Resources.DEPLOYMENTS, d);
        deployments++;
        for (ReplicaSet rs : sets) {
            store.seed(Resources.REPLICASETS, rs);
        }
        ReplicaSet running = sets.getLast();
        for (int r = 0; r < replicas; r++) {
            String podName = running.getMetadata().getName() + "-" + Kube.randomSuffix(random, 5);
            Pod pod = c.kubelet().newPod(running, running.getSpec().getTemplate(), podName, Map.of(), null);
            pod.getMetadata().setGenerateName(running.getMetadata().getName() + "-");
            seedRunningPod(pod, currentRsCreated.plusSeconds(3 + r * 2L));
        }
        if (withEvents) {
            event(d, "deployment-controller", "Normal", "ScalingReplicaSet",
                    "Scaled up replica set " + running.getMetadata().getName() + " from 0 to " + replicas, currentRsCreated, 1);
            if (sets.size() > 1) {
                event(d, "deployment-controller", "Normal", "ScalingReplicaSet",
                        "Scaled down replica set " + sets.get(sets.size() - 2).getMetadata().getName() + " from " + replicas + " to 0",
                        currentRsCreated.plusSeconds(20), 1);
            }
        }
    }

    private void seedRunningPod(Pod pod, Instant started) {
        pod.getMetadata().setUid(uid());
        pod.getMetadata().setCreationTimestamp(Kube.time(started.minusSeconds(4)));
        if (pod.getSpec().getNodeName() == null) {
            throw new IllegalStateException("no node fits pod " + pod.getMetadata().getName());
        }
        pod.setStatus(c.kubelet().runningStatus(pod, started, started.minusSeconds(4), c.scheduler().podIp(pod.getSpec().getNodeName())));
        int restarts = random.nextInt(12) == 0 ? 1 + random.nextInt(3) : 0;
        if (restarts > 0) {
            var cs = pod.getStatus().getContainerStatuses().getFirst();
            cs.setRestartCount(restarts);
            cs.setLastState(new ContainerStateBuilder().withNewTerminated()
                    .withExitCode(137).withReason("OOMKilled").withStartedAt(Kube.time(started))
                    .withFinishedAt(Kube.time(started.plus(Duration.ofHours(1 + random.nextInt(20))))).endTerminated().build());
        }
        store.seed(Resources.PODS, pod);
        pods++;
    }

    private void statefulSet(Env env, App app) {
        String ns = env.namespace();
        int replicas = stsReplicas(env);
        Instant created = now.minus(Duration.ofDays(40)).plusSeconds(random.nextInt(3600));
        int first = env.current() - env.pastRevisions();
        PodTemplateSpec current = template(app.name(), app, app.versions().get(env.current()), env.short_());
        StatefulSet set = new StatefulSetBuilder()
                .withNewMetadata().withName(app.name()).withNamespace(ns).withUid(uid()).withCreationTimestamp(Kube.time(created))
                    .withGeneration((long) env.pastRevisions() + 1).addToLabels("app", app.name()).addToLabels("app.kubernetes.io/part-of", PART_OF)
                    .addToAnnotations(Kube.CHANGE_CAUSE, changeCause(app.name(), app.versions().get(env.current()), env.current()))
                .endMetadata()
                .withNewSpec()
                    .withReplicas(replicas)
                    .withServiceName(app.name())
                    .withNewSelector().addToMatchLabels("app", app.name()).endSelector()
                    .withTemplate(current)
                    .withPodManagementPolicy("OrderedReady")
                    .withNewUpdateStrategy().withType("RollingUpdate").withNewRollingUpdate().withPartition(0).endRollingUpdate().endUpdateStrategy()
                    .withRevisionHistoryLimit(10)
                    .withVolumeClaimTemplates(new PersistentVolumeClaimBuilder()
                            .withNewMetadata().withName("data").endMetadata()
                            .withNewSpec().withAccessModes("ReadWriteOnce").withStorageClassName("standard").withVolumeMode("Filesystem")
                                .withNewResources().addToRequests("storage", new Quantity(env.tier() == Tier.PRODUCTION ? "20Gi" : "5Gi")).endResources()
                            .endSpec()
                            .build())
                .endSpec()
                .build();
        List<ControllerRevision> revisions = new ArrayList<>();
        for (int i = first; i <= env.current(); i++) {
            PodTemplateSpec t = i == env.current() ? current : template(app.name(), app, app.versions().get(i), env.short_());
            revisions.add(revision(set, t, i - first + 1, changeCause(app.name(), app.versions().get(i), i),
                    created.plus(Duration.ofDays((long) (i - first) * 5))));
        }
        String currentName = revisions.getLast().getMetadata().getName();
        Instant started = now.minus(Duration.ofHours(30 + random.nextInt(20)));
        set.setStatus(new StatefulSetStatusBuilder()
                .withObservedGeneration(set.getMetadata().getGeneration())
                .withReplicas(replicas).withReadyReplicas(replicas).withAvailableReplicas(replicas)
                .withCurrentReplicas(replicas).withUpdatedReplicas(replicas)
                .withCurrentRevision(currentName).withUpdateRevision(currentName).withCollisionCount(0)
                .build());
        store.seed(Resources.STATEFULSETS, set);
        revisions.forEach(r -> store.seed(Resources.CONTROLLERREVISIONS, r));
        for (int ordinal = 0; ordinal < replicas; ordinal++) {
            String podName = app.name() + "-" + ordinal;
            Map<String, String> labels = new LinkedHashMap<>();
            labels.put(Kube.CONTROLLER_REVISION_HASH, currentName);
            labels.put(StatefulSetController.POD_NAME_LABEL, podName);
            labels.put(StatefulSetController.POD_INDEX_LABEL, Integer.toString(ordinal));
            Pod pod = c.kubelet().newPod(set, current, podName, labels, null);
            pod.getSpec().setHostname(podName);
            pod.getSpec().setSubdomain(app.name());
            String claim = "data-" + podName;
            List<Volume> volumes = new ArrayList<>();
            volumes.add(new VolumeBuilder().withName("data").withNewPersistentVolumeClaim().withClaimName(claim).endPersistentVolumeClaim().build());
            pod.getSpec().setVolumes(volumes);
            claim(ns, claim, set.getSpec().getVolumeClaimTemplates().getFirst(), created.plusSeconds(ordinal * 30L + 10));
            seedRunningPod(pod, started.plusSeconds(ordinal * 15L));
        }
    }

    private ControllerRevision revision(HasMetadata parent, PodTemplateSpec template, long revision, String changeCause, Instant created) {
        var data = History.patch(template);
        String hash = History.hash(data, 0);
        Map<String, String> labels = new LinkedHashMap<>(template.getMetadata().getLabels());
        labels.put(Kube.CONTROLLER_REVISION_HASH, hash);
        return new ControllerRevisionBuilder()
                .withNewMetadata().withName(parent.getMetadata().getName() + "-" + hash).withNamespace(parent.getMetadata().getNamespace())
                    .withUid(uid()).withCreationTimestamp(Kube.time(created)).withLabels(labels)
                    .addToAnnotations(Kube.CHANGE_CAUSE, changeCause)
                    .withOwnerReferences(Kube.controllerRef(parent))
                .endMetadata()
                .withData(Json.convert(data, Object.class))
                .withRevision(revision)
                .build();
    }

    private void claim(String ns, String claim, PersistentVolumeClaim template, Instant created) {
        Quantity size = template.getSpec().getResources().getRequests().get("storage");
        String volume = "pvc-" + UUID.nameUUIDFromBytes((ns + "/" + claim).getBytes(StandardCharsets.UTF_8));
        store.seed(Resources.PVS, new PersistentVolumeBuilder()
                .withNewMetadata().withName(volume).withUid(uid()).withCreationTimestamp(Kube.time(created))
                    .addToAnnotations("pv.kubernetes.io/provisioned-by", "rancher.io/local-path").endMetadata()
                .withNewSpec().withCapacity(Map.of("storage", size)).withAccessModes("ReadWriteOnce")
                    .withPersistentVolumeReclaimPolicy("Delete").withStorageClassName("standard").withVolumeMode("Filesystem")
                    .withNewClaimRef().withKind("PersistentVolumeClaim").withNamespace(ns).withName(claim).withApiVersion("v1").endClaimRef()
                    .withNewHostPath().withPath("/var/lib/sandbox/" + volume).withType("DirectoryOrCreate").endHostPath()
                .endSpec()
                .withNewStatus().withPhase("Bound").endStatus()
                .build());
        store.seed(Resources.PVCS, new PersistentVolumeClaimBuilder()
                .withNewMetadata().withName(claim).withNamespace(ns).withUid(uid()).withCreationTimestamp(Kube.time(created))
                    .addToLabels("app", "orders-db")
                    .addToAnnotations("pv.kubernetes.io/bind-completed", "yes")
                    .addToAnnotations("volume.kubernetes.io/storage-provisioner", "rancher.io/local-path").endMetadata()
                .withNewSpec().withAccessModes("ReadWriteOnce").withStorageClassName("standard").withVolumeName(volume)
                    .withVolumeMode("Filesystem").withNewResources().addToRequests("storage", size).endResources().endSpec()
                .withNewStatus().withPhase("Bound").withAccessModes("ReadWriteOnce").withCapacity(Map.of("storage", size)).endStatus()
                .build());
    }

    private void daemonSet(Env env, App app) {
        String ns = env.namespace();
        Instant created = now.minus(Duration.ofDays(44)).plusSeconds(random.nextInt(3600));
        int first = env.current() - env.pastRevisions();
        PodTemplateSpec current = template(app.name(), app, app.versions().get(env.current()), env.short_());
        long generation = env.pastRevisions() + 1L;
        DaemonSet ds = new DaemonSetBuilder()
                .withNewMetadata().withName(app.name()).withNamespace(ns).withUid(uid()).withCreationTimestamp(Kube.time(created))
                    .withGeneration(generation).addToLabels("app", app.name()).addToLabels("app.kubernetes.io/part-of", PART_OF)
                    .addToAnnotations("deprecated.daemonset.template.generation", Long.toString(generation))
                    .addToAnnotations(Kube.CHANGE_CAUSE, changeCause(app.name(), app.versions().get(env.current()), env.current()))
                .endMetadata()
                .withNewSpec()
                    .withNewSelector().addToMatchLabels("app", app.name()).endSelector()
                    .withTemplate(current)
                    .withNewUpdateStrategy().withType("RollingUpdate").withNewRollingUpdate()
                        .withMaxUnavailable(new IntOrString(1)).withMaxSurge(new IntOrString(0)).endRollingUpdate().endUpdateStrategy()
                    .withRevisionHistoryLimit(10)
                .endSpec()
                .build();
        List<ControllerRevision> revisions = new ArrayList<>();
        for (int i = first; i <= env.current(); i++) {
            PodTemplateSpec t = i == env.current() ? current : template(app.name(), app, app.versions().get(i), env.short_());
            revisions.add(revision(ds, t, i - first + 1, changeCause(app.name(), app.versions().get(i), i),
                    created.plus(Duration.ofDays((long) (i - first) * 6))));
        }
        ControllerRevision cr = revisions.getLast();
        String hash = cr.getMetadata().getLabels().get(Kube.CONTROLLER_REVISION_HASH);
        List<Node> nodes = c.scheduler().eligible(current.getSpec());
        ds.setStatus(new DaemonSetStatusBuilder()
                .withObservedGeneration(generation)
                .withDesiredNumberScheduled(nodes.size()).withCurrentNumberScheduled(nodes.size()).withNumberMisscheduled(0)
                .withNumberReady(nodes.size()).withNumberAvailable(Kube.omitZero(nodes.size()))
                .withUpdatedNumberScheduled(Kube.omitZero(nodes.size()))
                .build());
        store.seed(Resources.DAEMONSETS, ds);
        revisions.forEach(r -> store.seed(Resources.CONTROLLERREVISIONS, r));
        Instant started = now.minus(Duration.ofHours(60 + random.nextInt(20)));
        for (Node node : nodes) {
            Map<String, String> labels = new LinkedHashMap<>();
            labels.put(Kube.CONTROLLER_REVISION_HASH, hash);
            labels.put(DaemonSetController.TEMPLATE_GENERATION, Long.toString(generation));
            String podName = app.name() + "-" + Kube.randomSuffix(random, 5);
            Pod pod = c.kubelet().newPod(ds, current, podName, labels, node.getMetadata().getName());
            pod.getMetadata().setGenerateName(app.name() + "-");
            seedRunningPod(pod, started.plusSeconds(random.nextInt(60)));
        }
    }

    // ---- network, autoscaling, storage claims, events -------------------------------------

    private void services(Env env) {
        String ns = env.namespace();
        Instant created = now.minus(Duration.ofDays(40));
        int index = ENVIRONMENTS.indexOf(env);
        int n = 0;
        for (App app : APPS) {
            if (app.kind() == WorkloadKind.DAEMONSET) {
                continue;
            }
            boolean headless = app.kind() == WorkloadKind.STATEFULSET;
            int port = app.kind() == WorkloadKind.STATEFULSET ? app.port() : app.port() == 8443 ? 443 : 80;
            store.seed(Resources.SERVICES, new ServiceBuilder()
                    .withNewMetadata().withName(app.name()).withNamespace(ns).withUid(uid()).withCreationTimestamp(Kube.time(created))
                        .addToLabels("app", app.name()).addToLabels("app.kubernetes.io/part-of", PART_OF).endMetadata()
                    .withNewSpec()
                        .withType("ClusterIP")
                        .withClusterIP(headless ? "None" : "10.96." + (10 + index) + "." + (10 + n))
                        .withClusterIPs(headless ? "None" : "10.96." + (10 + index) + "." + (10 + n))
                        .withIpFamilies("IPv4").withIpFamilyPolicy("SingleStack").withSessionAffinity("None")
                        .withInternalTrafficPolicy("Cluster")
                        .addToSelector("app", app.name())
                        .addNewPort().withName(headless ? "postgres" : "http").withPort(port).withProtocol("TCP")
                            .withTargetPort(new IntOrString(app.port())).endPort()
                    .endSpec()
                    .withNewStatus().withNewLoadBalancer().endLoadBalancer().endStatus()
                    .build());
            n++;
        }
        String host = ns + ".sandbox.local";
        store.seed(Resources.INGRESSES, new IngressBuilder()
                .withNewMetadata().withName("storefront").withNamespace(ns).withUid(uid()).withCreationTimestamp(Kube.time(created))
                    .withGeneration(1L).addToLabels("app", "storefront")
                    .addToAnnotations("nginx.ingress.kubernetes.io/proxy-body-size", "8m").endMetadata()
                .withNewSpec().withIngressClassName("nginx")
                    .addNewTl().withHosts(host).withSecretName("storefront-tls").endTl()
                    .addNewRule().withHost(host).withNewHttp()
                        .addNewPath().withPath("/").withPathType("Prefix").withNewBackend().withNewService().withName("storefront")
                            .withNewPort().withNumber(80).endPort().endService().endBackend().endPath()
                        .addNewPath().withPath("/api/checkout").withPathType("Prefix").withNewBackend().withNewService().withName("checkout")
                            .withNewPort().withNumber(80).endPort().endService().endBackend().endPath()
                    .endHttp().endRule()
                .endSpec()
                .withNewStatus().withNewLoadBalancer().addNewIngress().withIp("10.0.200." + (10 + index)).endIngress().endLoadBalancer().endStatus()
                .build());
        store.seed(Resources.NETWORKPOLICIES, new NetworkPolicyBuilder()
                .withNewMetadata().withName("payments-from-checkout").withNamespace(ns).withUid(uid()).withCreationTimestamp(Kube.time(created))
                    .withGeneration(1L).endMetadata()
                .withNewSpec()
                    .withNewPodSelector().addToMatchLabels("app", "payments").endPodSelector()
                    .withPolicyTypes("Ingress")
                    .addNewIngress().addNewFrom().withNewPodSelector().addToMatchLabels("app", "checkout").endPodSelector().endFrom()
                        .addNewPort().withProtocol("TCP").withPort(new IntOrString(8443)).endPort().endIngress()
                .endSpec()
                .build());
        store.seed(Resources.NETWORKPOLICIES, new NetworkPolicyBuilder()
                .withNewMetadata().withName("orders-db-from-apps").withNamespace(ns).withUid(uid()).withCreationTimestamp(Kube.time(created))
                    .withGeneration(1L).endMetadata()
                .withNewSpec()
                    .withNewPodSelector().addToMatchLabels("app", "orders-db").endPodSelector()
                    .withPolicyTypes("Ingress")
                    .addNewIngress().addNewFrom().withNewPodSelector().addToMatchLabels("app.kubernetes.io/part-of", PART_OF).endPodSelector().endFrom()
                        .addNewPort().withProtocol("TCP").withPort(new IntOrString(5432)).endPort().endIngress()
                .endSpec()
                .build());
    }

    private void hpa() {
        Env prod = ENVIRONMENTS.getLast();
        Instant created = now.minus(Duration.ofDays(20));
        int replicas = replicas(prod, APPS.getFirst());
        store.seed(Resources.HPAS, new HorizontalPodAutoscalerBuilder()
                .withNewMetadata().withName("storefront").withNamespace(prod.namespace()).withUid(uid())
                    .withCreationTimestamp(Kube.time(created)).addToLabels("app", "storefront").endMetadata()
                .withNewSpec()
                    .withNewScaleTargetRef().withApiVersion("apps/v1").withKind("Deployment").withName("storefront").endScaleTargetRef()
                    .withMinReplicas(replicas).withMaxReplicas(10)
                    .addNewMetric().withType("Resource").withNewResource().withName("cpu")
                        .withNewTarget().withType("Utilization").withAverageUtilization(70).endTarget().endResource().endMetric()
                .endSpec()
                .withNewStatus()
                    .withCurrentReplicas(replicas).withDesiredReplicas(replicas)
                    .withLastScaleTime(Kube.time(now.minus(Duration.ofDays(3))))
                    .addNewCurrentMetric().withType("Resource").withNewResource().withName("cpu")
                        .withNewCurrent().withAverageUtilization(42).withAverageValue(new Quantity("42m")).endCurrent().endResource().endCurrentMetric()
                    .addNewCondition().withType("AbleToScale").withStatus("True").withReason("ReadyForNewScale")
                        .withMessage("recommended size matches current size").withLastTransitionTime(Kube.time(created)).endCondition()
                    .addNewCondition().withType("ScalingActive").withStatus("True").withReason("ValidMetricFound")
                        .withMessage("the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)")
                        .withLastTransitionTime(Kube.time(created)).endCondition()
                    .addNewCondition().withType("ScalingLimited").withStatus("False").withReason("DesiredWithinRange")
                        .withMessage("the desired count is within the acceptable range").withLastTransitionTime(Kube.time(created)).endCondition()
                .endStatus()
                .build());
    }

    private void pendingClaim() {
        Env dev = ENVIRONMENTS.getFirst();
        Instant created = now.minus(Duration.ofHours(5));
        PersistentVolumeClaim pvc = new PersistentVolumeClaimBuilder()
                .withNewMetadata().withName("reports-archive").withNamespace(dev.namespace()).withUid(uid())
                    .withCreationTimestamp(Kube.time(created)).addToLabels("app", "reports")
                    .addToAnnotations("volume.beta.kubernetes.io/storage-provisioner", "csi.sandbox.local/ssd")
                    .addToAnnotations("volume.kubernetes.io/storage-provisioner", "csi.sandbox.local/ssd").endMetadata()
                .withNewSpec().withAccessModes("ReadWriteMany").withStorageClassName("fast-ssd").withVolumeMode("Filesystem")
                    .withNewResources().addToRequests("storage", new Quantity("200Gi")).endResources().endSpec()
                .withNewStatus().withPhase("Pending").endStatus()
                .build();
        store.seed(Resources.PVCS, pvc);
        event(pvc, "persistentvolume-controller", "Normal", "ExternalProvisioning",
                "Waiting for a volume to be created either by the external provisioner 'csi.sandbox.local/ssd' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.",
                created.plusSeconds(2), 1200);
        event(pvc, "csi.sandbox.local/ssd", "Warning", "ProvisioningFailed",
                "failed to provision volume with StorageClass \"fast-ssd\": rpc error: code = ResourceExhausted desc = insufficient capacity: 200Gi requested, 50Gi free",
                created.plusSeconds(3), 60);
    }

    /** Deployments beyond the demo, for scale: load-0001... spread over the three namespaces. */
    private void load(int count, int extraPods) {
        if (count == 0) {
            return;
        }
        int each = extraPods / count;
        int remainder = extraPods % count;
        List<String> versions = List.of("1.0.0", "1.0.1");
        for (int i = 0; i < count; i++) {
            Env env = ENVIRONMENTS.get(i % ENVIRONMENTS.size());
            int replicas = Math.max(extraPods == 0 ? 1 : 0, each + (i < remainder ? 1 : 0));
            deployment(env, null, String.format("load-%04d", i + 1), versions, 1, 1, replicas, false);
        }
    }

    private void event(HasMetadata about, String component, String type, String reason, String message, Instant last, int count) {
        String ns = about.getMetadata().getNamespace();
        String name = about.getMetadata().getName() + "." + Long.toHexString(last.toEpochMilli() * 1000 + random.nextInt(1000));
        store.seed(Resources.EVENTS, new EventBuilder()
                .withNewMetadata().withName(name).withNamespace(ns).withUid(uid()).withCreationTimestamp(Kube.time(last)).endMetadata()
                .withNewInvolvedObject().withApiVersion(about.getApiVersion()).withKind(about.getKind())
                    .withName(about.getMetadata().getName()).withNamespace(ns).withUid(about.getMetadata().getUid()).endInvolvedObject()
                .withType(type).withReason(reason).withMessage(message)
                .withNewSource().withComponent(component).endSource()
                .withReportingComponent(component).withReportingInstance("")
                .withFirstTimestamp(Kube.time(count > 1 ? last.minus(Duration.ofMinutes(Math.min(count, 300))) : last))
                .withLastTimestamp(Kube.time(count > 1 ? now.minusSeconds(30 + random.nextInt(90)) : last))
                .withCount(count)
                .build());
        seededEvents.add(new String[] {ns, name});
    }

    private String uid() {
        long hi = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lo = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(hi, lo).toString();
    }

    private String hex(int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(Character.forDigit(random.nextInt(16), 16));
        }
        return sb.toString();
    }
}
