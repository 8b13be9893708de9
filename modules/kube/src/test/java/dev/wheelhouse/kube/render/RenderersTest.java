package dev.wheelhouse.kube.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.core.cluster.Column;
import dev.wheelhouse.core.cluster.ContainerImage;
import dev.wheelhouse.core.cluster.Health;
import dev.wheelhouse.core.cluster.ResourceRow;
import dev.wheelhouse.kube.ResourceKind;
import dev.wheelhouse.kube.ResourceKinds;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Every renderer against hand-written objects, compared with what kubectl prints for them. */
class RenderersTest {

    private static <T extends HasMetadata> ResourceRow render(ResourceKind<T> kind, String fixture, String name, Related related) {
        List<T> items = Fixtures.load(fixture, kind.type());
        return kind.render(Fixtures.named(items, name), related);
    }

    private static ResourceRow pod(String name) {
        return render(ResourceKinds.POD, "pods.json", name, Related.NONE);
    }

    @Test
    void everyKindHasAFixtureAndEveryRowFitsItsColumns() {
        for (ResourceKind<?> kind : ResourceKinds.ALL) {
            String file = kind.info().plural() + ".json";
            List<? extends HasMetadata> items = Fixtures.load(file, kind.type());
            assertThat(items).as(file).hasSizeGreaterThanOrEqualTo(2);
            for (HasMetadata item : items) {
                ResourceRow row = kind.render(item, Fixtures.shopDev());
                assertThat(row.kind()).isEqualTo(kind.kind());
                assertThat(row.name()).isEqualTo(item.getMetadata().getName());
                assertThat(row.cells()).as("%s %s", kind.kind(), row.name()).hasSameSizeAs(kind.info().columns());
                for (int i = 0; i < row.cells().size(); i++) {
                    Column column = kind.info().columns().get(i);
                    if (column.type() == Column.Type.AGE && !row.cell(i).isEmpty()) {
                        assertThat(Instant.parse(row.cell(i))).as("%s %s %s", kind.kind(), row.name(), column.name()).isNotNull();
                    }
                }
                assertThat(row.created()).isNotNull();
                // the same object renders to the same row: no clock, no state
                assertThat(kind.render(item, Fixtures.shopDev())).isEqualTo(row);
            }
        }
        assertThat(ResourceKinds.ALL).extracting(ResourceKind::kind).doesNotHaveDuplicates().hasSize(15);
    }

    @Test
    void podsPrintLikeKubectlGetPods() {
        ResourceRow web = pod("web-7d9f8b6c5-x2x4k");
        assertThat(web.cells()).containsExactly("web-7d9f8b6c5-x2x4k", "2/2", "Running", "0", "", "2026-03-01T10:00:00Z", "10.1.0.7", "node-a");
        assertThat(web.health()).isEqualTo(Health.HEALTHY);
        assertThat(web.namespace()).isEqualTo("shop-dev");
        assertThat(web.labels()).containsEntry("app", "web");
        assertThat(web.images()).containsExactly(new ContainerImage("web", "registry.example.com:5000/shop/web:1.4.2"),
                new ContainerImage("envoy", "envoyproxy/envoy:v1.30.1"));
        assertThat(web.version()).isEqualTo("1.4.2");
        assertThat(web.versionOf("envoy")).isEqualTo("v1.30.1");

        assertThat(pod("api-5f6d7c8b9-crash").cells())
                .containsExactly("api-5f6d7c8b9-crash", "0/1", "CrashLoopBackOff", "7", "2026-03-01T11:58:00Z", "2026-03-01T09:00:00Z", "10.1.0.12", "node-b");
        assertThat(pod("api-5f6d7c8b9-crash").health()).isEqualTo(Health.FAILED);
        assertThat(pod("worker-pull").status()).isEqualTo("ImagePullBackOff");
        assertThat(pod("worker-pull").health()).isEqualTo(Health.FAILED);
        assertThat(pod("migrate-29xk2").cells().subList(1, 4)).containsExactly("0/1", "Completed", "0");
        assertThat(pod("migrate-29xk2").health()).isEqualTo(Health.HEALTHY);
        assertThat(pod("web-old-1").cells().subList(1, 5)).containsExactly("1/1", "Terminating", "1", "2026-02-28T10:00:03Z");
        assertThat(pod("web-old-1").health()).isEqualTo(Health.DEGRADED);
        assertThat(pod("db-setup").cells()).containsExactly("db-setup", "0/1", "Init:1/2", "0", "", "2026-03-01T11:59:00Z", "<none>", "node-c");
        assertThat(pod("db-setup").health()).isEqualTo(Health.DEGRADED);
        assertThat(pod("mesh-app").cells().subList(1, 5)).containsExactly("2/2", "Running", "2", "2026-03-01T10:30:04Z");
        assertThat(pod("mesh-app").health()).isEqualTo(Health.HEALTHY);
        assertThat(pod("cache-oom").cells().subList(1, 5)).containsExactly("0/1", "OOMKilled", "3", "2026-03-01T11:40:00Z");
        assertThat(pod("cache-oom").health()).isEqualTo(Health.FAILED);
        assertThat(pod("big-unschedulable").cells()).containsExactly("big-unschedulable", "0/1", "Pending", "0", "", "2026-03-01T11:30:00Z", "<none>", "<none>");
        assertThat(pod("big-unschedulable").health()).isEqualTo(Health.DEGRADED);
        assertThat(pod("evicted-1").cells().subList(1, 4)).containsExactly("0/1", "Evicted", "0");
        assertThat(pod("evicted-1").health()).isEqualTo(Health.FAILED);
    }

    @Test
    void deploymentsShowReadyUpToDateAvailableAndTheRolloutStatus() {
        ResourceRow web = render(ResourceKinds.DEPLOYMENT, "deployments.json", "web", Related.NONE);
        assertThat(web.cells()).containsExactly("web", "3/3", "3", "3", "Available", "2026-02-01T09:00:00Z", "envoy,web",
                "envoyproxy/envoy:v1.30.1,registry.example.com:5000/shop/web:1.4.2", "app=web");
        assertThat(web.health()).isEqualTo(Health.HEALTHY);
        assertThat(web.version()).as("the container named like the deployment").isEqualTo("1.4.2");

        ResourceRow api = render(ResourceKinds.DEPLOYMENT, "deployments.json", "api", Related.NONE);
        assertThat(api.cells().subList(1, 5)).containsExactly("4/4", "2", "4", "Rolling out");
        assertThat(api.cell(8)).isEqualTo("app=api,track in (canary,stable)");
        assertThat(api.health()).isEqualTo(Health.DEGRADED);
        assertThat(api.version()).isEqualTo("sha256:0123456789abcdef");

        ResourceRow worker = render(ResourceKinds.DEPLOYMENT, "deployments.json", "worker", Related.NONE);
        assertThat(worker.cells().subList(1, 5)).containsExactly("0/2", "2", "0", "ProgressDeadlineExceeded");
        assertThat(worker.health()).isEqualTo(Health.FAILED);

        ResourceRow batch = render(ResourceKinds.DEPLOYMENT, "deployments.json", "batch", Related.NONE);
        assertThat(batch.cells().subList(1, 5)).containsExactly("0/0", "0", "0", "Scaled to 0");
        assertThat(batch.health()).isEqualTo(Health.HEALTHY);
        assertThat(batch.version()).isEqualTo("latest");
    }

    @Test
    void statefulSetsDaemonSetsAndReplicaSets() {
        ResourceRow db = render(ResourceKinds.STATEFUL_SET, "statefulsets.json", "db", Related.NONE);
        assertThat(db.cells()).containsExactly("db", "3/3", "3", "Ready", "2026-01-10T09:00:00Z", "db", "postgres:16.2");
        assertThat(db.health()).isEqualTo(Health.HEALTHY);
        ResourceRow cache = render(ResourceKinds.STATEFUL_SET, "statefulsets.json", "cache", Related.NONE);
        assertThat(cache.cells().subList(1, 4)).containsExactly("1/3", "1", "Rolling out");
        assertThat(cache.health()).isEqualTo(Health.DEGRADED);
        assertThat(cache.version()).isEqualTo("7.2");

        ResourceRow exporter = render(ResourceKinds.DAEMON_SET, "daemonsets.json", "node-exporter", Related.NONE);
        assertThat(exporter.cells()).containsExactly("node-exporter", "3", "3", "3", "3", "3", "kubernetes.io/os=linux", "Available",
                "2026-01-05T09:00:00Z", "node-exporter", "quay.io/prometheus/node-exporter:v1.8.1");
        assertThat(exporter.health()).isEqualTo(Health.HEALTHY);
        ResourceRow agent = render(ResourceKinds.DAEMON_SET, "daemonsets.json", "log-agent", Related.NONE);
        assertThat(agent.cells().subList(1, 8)).containsExactly("3", "3", "2", "1", "2", "<none>", "Rolling out");
        assertThat(agent.health()).isEqualTo(Health.DEGRADED);

        ResourceRow current = render(ResourceKinds.REPLICA_SET, "replicasets.json", "web-7d9f8b6c5", Related.NONE);
        assertThat(current.cells().subList(0, 5)).containsExactly("web-7d9f8b6c5", "3", "3", "3", "5");
        assertThat(current.cell(8)).isEqualTo("app=web,pod-template-hash=7d9f8b6c5");
        assertThat(current.version()).isEqualTo("1.4.2");
        ResourceRow old = render(ResourceKinds.REPLICA_SET, "replicasets.json", "web-5c4d3b2a1", Related.NONE);
        assertThat(old.cells().subList(1, 5)).containsExactly("0", "0", "0", "4");
        assertThat(old.health()).isEqualTo(Health.HEALTHY);
        assertThat(old.status()).isEqualTo("Scaled to 0");
    }

    @Test
    void nodesShowReadinessCordonRolesAndTaints() {
        ResourceRow a = render(ResourceKinds.NODE, "nodes.json", "node-a", Related.NONE);
        assertThat(a.cells()).containsExactly("node-a", "Ready", "control-plane,etcd", "2025-12-01T09:00:00Z", "v1.32.3",
                "node-role.kubernetes.io/control-plane:NoSchedule", "192.168.10.11", "Debian GNU/Linux 12 (bookworm)",
                "6.1.0-31-amd64", "containerd://1.7.24");
        assertThat(a.namespace()).isEmpty();
        assertThat(a.health()).isEqualTo(Health.HEALTHY);
        ResourceRow b = render(ResourceKinds.NODE, "nodes.json", "node-b", Related.NONE);
        assertThat(b.cells().subList(1, 6)).containsExactly("Ready,SchedulingDisabled", "worker", "2025-12-01T09:00:00Z", "v1.32.3",
                "node.kubernetes.io/unschedulable:NoSchedule, dedicated=batch:NoExecute");
        assertThat(b.health()).isEqualTo(Health.DEGRADED);
        ResourceRow c = render(ResourceKinds.NODE, "nodes.json", "node-c", Related.NONE);
        assertThat(c.cells().subList(1, 3)).containsExactly("NotReady", "worker");
        assertThat(c.health()).as("the kubelet stopped reporting").isEqualTo(Health.UNKNOWN);
        ResourceRow d = render(ResourceKinds.NODE, "nodes.json", "node-d", Related.NONE);
        assertThat(d.cells()).containsExactly("node-d", "NotReady", "<none>", "2025-12-01T09:00:00Z", "", "<none>", "<none>",
                "<unknown>", "<unknown>", "<unknown>");
        assertThat(d.health()).isEqualTo(Health.FAILED);
    }

    @Test
    void storagePrintsLikeKubectl() {
        assertThat(render(ResourceKinds.PERSISTENT_VOLUME, "persistentvolumes.json", "pv-data-db-0", Related.NONE).cells())
                .containsExactly("pv-data-db-0", "10Gi", "RWO", "Retain", "Bound", "shop-dev/data-db-0", "fast", "<unset>", "",
                        "2026-01-10T09:00:00Z", "Filesystem");
        ResourceRow released = render(ResourceKinds.PERSISTENT_VOLUME, "persistentvolumes.json", "pv-old-logs", Related.NONE);
        assertThat(released.cells().subList(1, 8)).containsExactly("500Gi", "ROX,RWX", "Retain", "Released", "shop-prod/logs", "archive", "<unset>");
        assertThat(released.health()).isEqualTo(Health.DEGRADED);
        ResourceRow broken = render(ResourceKinds.PERSISTENT_VOLUME, "persistentvolumes.json", "pv-broken", Related.NONE);
        assertThat(broken.cells()).containsExactly("pv-broken", "1Ti", "RWOP", "Delete", "Failed", "", "fast", "gold",
                "VolumeFailedDelete", "2026-02-10T09:00:00Z", "Block");
        assertThat(broken.health()).isEqualTo(Health.FAILED);

        ResourceRow bound = render(ResourceKinds.PERSISTENT_VOLUME_CLAIM, "persistentvolumeclaims.json", "data-db-0", Related.NONE);
        assertThat(bound.cells()).containsExactly("data-db-0", "Bound", "pv-data-db-0", "10Gi", "RWO", "fast", "<unset>",
                "2026-01-10T09:00:00Z", "Filesystem");
        assertThat(bound.health()).isEqualTo(Health.HEALTHY);
        ResourceRow pending = render(ResourceKinds.PERSISTENT_VOLUME_CLAIM, "persistentvolumeclaims.json", "scratch", Related.NONE);
        assertThat(pending.cells()).containsExactly("scratch", "Pending", "", "", "", "standard", "<unset>", "2026-03-01T11:00:00Z", "<unset>");
        assertThat(pending.health()).isEqualTo(Health.DEGRADED);
        ResourceRow lost = render(ResourceKinds.PERSISTENT_VOLUME_CLAIM, "persistentvolumeclaims.json", "gone", Related.NONE);
        assertThat(lost.cells().subList(1, 6)).containsExactly("Lost", "pv-deleted-by-hand", "", "", "archive");
        assertThat(lost.health()).isEqualTo(Health.FAILED);

        assertThat(render(ResourceKinds.STORAGE_CLASS, "storageclasses.json", "standard", Related.NONE).cells())
                .containsExactly("standard (default)", "rancher.io/local-path", "Delete", "WaitForFirstConsumer", "false", "2025-12-01T09:00:00Z");
        assertThat(render(ResourceKinds.STORAGE_CLASS, "storageclasses.json", "fast", Related.NONE).cells())
                .containsExactly("fast", "ebs.csi.aws.com", "Retain", "Immediate", "true", "2025-12-01T09:00:00Z");
    }

    @Test
    void servicesShowTypeAddressesPortsAndReadyEndpoints() {
        Related related = Fixtures.shopDev();
        ResourceRow web = render(ResourceKinds.SERVICE, "services.json", "web", related);
        assertThat(web.cells()).containsExactly("web", "ClusterIP", "10.96.12.34", "<none>", "80/TCP,9090/TCP", "3",
                "2026-02-01T09:00:00Z", "app=web");
        assertThat(web.health()).isEqualTo(Health.HEALTHY);
        ResourceRow lb = render(ResourceKinds.SERVICE, "services.json", "web-public", related);
        assertThat(lb.cells().subList(1, 6)).containsExactly("LoadBalancer", "10.96.50.1", "a1b2c3d4e5f6-...", "443:31443/TCP", "0");
        assertThat(lb.health()).as("only not-ready endpoints").isEqualTo(Health.DEGRADED);
        ResourceRow pending = render(ResourceKinds.SERVICE, "services.json", "api-pending", related);
        assertThat(pending.cells().subList(1, 6)).containsExactly("LoadBalancer", "10.96.50.2", "<pending>", "8443:32000/TCP,53:32053/UDP", "0");
        assertThat(render(ResourceKinds.SERVICE, "services.json", "legacy", related).cells().subList(1, 6))
                .containsExactly("NodePort", "10.96.7.7", "198.51.100.7", "80:30080/TCP", "0");
        ResourceRow external = render(ResourceKinds.SERVICE, "services.json", "billing-db", related);
        assertThat(external.cells().subList(1, 5)).containsExactly("ExternalName", "<none>", "billing.db.example.com", "<none>");
        assertThat(external.health()).isEqualTo(Health.HEALTHY);
        assertThat(render(ResourceKinds.SERVICE, "services.json", "db", related).cells().subList(1, 6))
                .containsExactly("ClusterIP", "None", "<none>", "5432/TCP", "2");
        ResourceRow unknown = render(ResourceKinds.SERVICE, "services.json", "web", Related.NONE);
        assertThat(unknown.cell(5)).isEqualTo("?");
        assertThat(unknown.health()).isEqualTo(Health.UNKNOWN);
    }

    @Test
    void endpointsListAddressesLikeKubectl() {
        ResourceRow web = render(ResourceKinds.ENDPOINTS, "endpoints.json", "web", Related.NONE);
        assertThat(web.cells()).containsExactly("web", "10.1.0.7:8080,10.1.0.8:8080,10.1.0.9:8080 + 3 more...", "3", "1",
                "2026-02-01T09:00:00Z");
        assertThat(render(ResourceKinds.ENDPOINTS, "endpoints.json", "web-public", Related.NONE).cells().subList(1, 4))
                .containsExactly("", "0", "1");
        assertThat(render(ResourceKinds.ENDPOINTS, "endpoints.json", "db", Related.NONE).cell(1)).isEqualTo("10.1.2.1,fd00::2");
        ResourceRow none = render(ResourceKinds.ENDPOINTS, "endpoints.json", "legacy", Related.NONE);
        assertThat(none.cells().subList(1, 4)).containsExactly("<none>", "0", "0");
        assertThat(none.health()).isEqualTo(Health.DEGRADED);
    }

    @Test
    void ingressesShowHostsAddressesPortsAndRoutes() {
        assertThat(render(ResourceKinds.INGRESS, "ingresses.json", "shop", Related.NONE).cells())
                .containsExactly("shop", "nginx", "shop.example.com,admin.shop.example.com", "203.0.113.20", "80, 443",
                        "shop.example.com/ -> web:80, shop.example.com/api -> api:http, admin.shop.example.com/ -> admin:8080",
                        "2026-02-01T09:00:00Z");
        assertThat(render(ResourceKinds.INGRESS, "ingresses.json", "catch-all", Related.NONE).cells().subList(1, 6))
                .containsExactly("<none>", "*", "", "80", "(default) -> web:80");
        assertThat(render(ResourceKinds.INGRESS, "ingresses.json", "many-hosts", Related.NONE).cells().subList(1, 6))
                .containsExactly("traefik", "a.example.com,b.example.com,c.example.com + 2 more...", "lb.example.com,203.0.113.21",
                        "80", "<none>");
    }

    @Test
    void networkPoliciesSayWhichPodsTheySelectAndWhatTheyAllow() {
        Related related = Fixtures.shopDev();
        assertThat(render(ResourceKinds.NETWORK_POLICY, "networkpolicies.json", "default-deny", related).cells())
                .containsExactly("default-deny", "<none>", "10", "deny all", "(not restricted)", "2026-01-01T09:00:00Z");
        ResourceRow web = render(ResourceKinds.NETWORK_POLICY, "networkpolicies.json", "web-from-frontend", related);
        assertThat(web.cells()).containsExactly("web-from-frontend", "app=web", "2",
                "from pods app=frontend, pods role=gateway in namespaces team=shop on 8080/TCP, metrics/TCP; "
                        + "from cidr 10.0.0.0/8 except 10.0.5.0/24",
                "to pods app=db on 5432/TCP; to anywhere on 53/UDP, 30000-32767/TCP",
                "2026-01-01T09:00:00Z");
        assertThat(web.status()).isEqualTo("Ingress,Egress");
        assertThat(render(ResourceKinds.NETWORK_POLICY, "networkpolicies.json", "allow-all-egress", related).cells())
                .containsExactly("allow-all-egress", "!legacy,tier in (api,batch)", "3", "from all namespaces", "allow all",
                        "2026-01-01T09:00:00Z");
        assertThat(render(ResourceKinds.NETWORK_POLICY, "networkpolicies.json", "default-deny", Related.NONE).cell(2)).isEqualTo("?");
    }

    /** Pod labels of shop-dev: web-x2x4k, web-old-1 (tier web): app=web; api-crash (track stable, tier api),
     *  mesh-app (track canary, tier api), db-setup: app=api; worker-pull: tier batch, track stable;
     *  migrate: tier batch, legacy; cache-oom: tier cache; two pods have none. */
    @Test
    void networkPolicySelectorsPickPodsByEveryOperator() {
        Related related = Fixtures.shopDev();
        // In AND DoesNotExist: tier api or batch, without the legacy label (migrate has it)
        assertThat(selectedBy("allow-all-egress", related)).isEqualTo("3");
        // NotIn also picks pods without the label at all
        assertThat(selectedBy("not-stable", related)).isEqualTo("8");
        assertThat(selectedBy("tiered", related)).isEqualTo("6");
        // matchLabels AND an expression: app=web without a tier
        assertThat(selectedBy("web-untiered", related)).isEqualTo("1");
        // an operator the API does not know makes the selector invalid: it picks nothing, and prints as written
        ResourceRow bad = render(ResourceKinds.NETWORK_POLICY, "networkpolicies.json", "bad-operator", related);
        assertThat(bad.cells().subList(1, 3)).containsExactly("tier Gt", "0");
    }

    private static String selectedBy(String policy, Related related) {
        return render(ResourceKinds.NETWORK_POLICY, "networkpolicies.json", policy, related).cell(2);
    }

    @Test
    void workloadSelectorsPickTheirPodsByLabelsAndExpressions() {
        List<Pod> pods = Fixtures.load("pods.json", Pod.class);
        List<Deployment> deployments = Fixtures.load("deployments.json", Deployment.class);
        // api: app=api AND track in (stable,canary); db-setup has app=api but no track
        assertThat(podsOf(Fixtures.named(deployments, "api"), pods)).containsExactly("api-5f6d7c8b9-crash", "mesh-app");
        assertThat(podsOf(Fixtures.named(deployments, "web"), pods)).containsExactly("web-7d9f8b6c5-x2x4k", "web-old-1");
        assertThat(podsOf(Fixtures.named(deployments, "worker"), pods)).containsExactly("worker-pull");
        // the workload pane's rule is the same one: WorkloadDetails.selects goes through the domain selector
        var api = new dev.wheelhouse.core.cluster.WorkloadDetails(new dev.wheelhouse.core.cluster.RowKey("c", "Deployment", "shop-dev", "api"),
                Selectors.of(Fixtures.named(deployments, "api").getSpec().getSelector()), List.of(), List.of(), "");
        assertThat(pods.stream().filter(p -> api.selects(p.getMetadata().getLabels())).map(p -> p.getMetadata().getName()))
                .containsExactly("api-5f6d7c8b9-crash", "mesh-app");
    }

    private static List<String> podsOf(Deployment d, List<Pod> pods) {
        return pods.stream().filter(p -> Selectors.matches(d.getSpec().getSelector(), p.getMetadata().getLabels()))
                .map(p -> p.getMetadata().getName()).toList();
    }

    @Test
    void eventsShowLastSeenTypeReasonObjectMessageAndCount() {
        ResourceRow backOff = render(ResourceKinds.EVENT, "events.json", "api-5f6d7c8b9-crash.17f2a3b4c5d6e7f8", Related.NONE);
        assertThat(backOff.cells()).containsExactly("2026-03-01T11:58:10Z", "Warning", "BackOff", "pod/api-5f6d7c8b9-crash",
                "Back-off restarting failed container api in pod api-5f6d7c8b9-crash_shop-dev", "12", "2026-03-01T11:00:00Z",
                "kubelet, node-b", "api-5f6d7c8b9-crash.17f2a3b4c5d6e7f8");
        assertThat(backOff.health()).isEqualTo(Health.DEGRADED);
        ResourceRow scheduled = render(ResourceKinds.EVENT, "events.json", "web-7d9f8b6c5-x2x4k.17f2a3b4c5d6e7f9", Related.NONE);
        assertThat(scheduled.cells().subList(0, 8)).containsExactly("2026-03-01T10:00:00.123456Z", "Normal", "Scheduled",
                "pod/web-7d9f8b6c5-x2x4k", "Successfully assigned shop-dev/web-7d9f8b6c5-x2x4k to node-a", "1",
                "2026-03-01T10:00:00.123456Z", "default-scheduler");
        assertThat(scheduled.health()).isEqualTo(Health.HEALTHY);
        ResourceRow series = render(ResourceKinds.EVENT, "events.json", "web.17f2a3b4c5d6e800", Related.NONE);
        assertThat(series.cells().subList(0, 8)).containsExactly("2026-03-01T10:05:00Z", "Normal", "ScalingReplicaSet", "deployment/web",
                "Scaled up replica set web-7d9f8b6c5 to 3 from 2", "4", "2026-03-01T10:00:00Z", "deployment-controller");
    }

    @Test
    void horizontalPodAutoscalersShowTargetsAndWhetherTheyCanScale() {
        ResourceRow web = render(ResourceKinds.HORIZONTAL_POD_AUTOSCALER, "horizontalpodautoscalers.json", "web", Related.NONE);
        assertThat(web.cells()).containsExactly("web", "Deployment/web", "cpu: 45%/80%", "2", "10", "3", "ScalingActive",
                "2026-02-01T09:00:00Z");
        assertThat(web.health()).isEqualTo(Health.HEALTHY);
        ResourceRow worker = render(ResourceKinds.HORIZONTAL_POD_AUTOSCALER, "horizontalpodautoscalers.json", "worker", Related.NONE);
        assertThat(worker.cells().subList(1, 7)).containsExactly("Deployment/worker",
                "cpu: <unknown>/70%, memory: <unknown>/500Mi, <unknown>/30 + 1 more...", "1", "5", "2", "FailedGetResourceMetric");
        assertThat(worker.health()).isEqualTo(Health.DEGRADED);
        ResourceRow orphan = render(ResourceKinds.HORIZONTAL_POD_AUTOSCALER, "horizontalpodautoscalers.json", "orphan", Related.NONE);
        assertThat(orphan.cells().subList(2, 7)).containsExactly("<none>", "1", "3", "0", "FailedGetScale");
        assertThat(orphan.health()).isEqualTo(Health.FAILED);
    }

    @Test
    void theRegistryFindsKindsByKindPluralAndGroup() {
        assertThat(ResourceKinds.find("deployments.apps")).contains(ResourceKinds.DEPLOYMENT);
        assertThat(ResourceKinds.find("Pod")).contains(ResourceKinds.POD);
        assertThat(ResourceKinds.find("NETWORKPOLICIES")).contains(ResourceKinds.NETWORK_POLICY);
        assertThat(ResourceKinds.find("secrets")).isEmpty();
        assertThat(ResourceKinds.infos()).filteredOn(i -> !i.namespaced()).extracting(i -> i.kind().toLowerCase(Locale.ROOT))
                .containsExactlyInAnyOrder("node", "persistentvolume", "storageclass");
    }
}
