package dev.wheelhouse.core.cluster;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A snapshot of the Kubernetes part of one environment, for the overview, the compute view, the
 * version matrix and {@code wheelhouse inventory}. Immutable; JDK types only, so it prints as
 * JSON as it is.
 *
 * @param complete every feed was LIVE when it was taken (else see {@code problems})
 * @param problems the feeds that were not LIVE, with the reason
 */
public record Inventory(
        String environment,
        Instant takenAt,
        boolean complete,
        List<TargetHealth> targets,
        List<FeedState> problems,
        List<Node> nodes,
        List<Workload> workloads,
        Storage storage,
        Network network,
        Metrics metrics) {

    public Inventory {
        targets = List.copyOf(targets);
        problems = List.copyOf(problems);
        nodes = List.copyOf(nodes);
        workloads = List.copyOf(workloads);
    }

    /** Workloads per health, for the overview card. */
    public Map<Health, Integer> workloadHealth() {
        Map<Health, Integer> counts = new EnumMap<>(Health.class);
        for (Health h : Health.values()) {
            counts.put(h, 0);
        }
        workloads.forEach(w -> counts.merge(w.health(), 1, Integer::sum));
        return counts;
    }

    public long nodesReady() {
        return nodes.stream().filter(n -> n.status().startsWith("Ready")).count();
    }

    /** CPU in millicores and memory in bytes. */
    public record Resources(long cpuMillis, long memoryBytes) {
        public static final Resources ZERO = new Resources(0, 0);

        public Resources plus(Resources other) {
            return new Resources(cpuMillis + other.cpuMillis, memoryBytes + other.memoryBytes);
        }
    }

    public record Condition(String type, String status, String reason, String message) {}

    /**
     * A node with what it has, what is promised on it and what is used.
     *
     * @param status as kubectl prints it: "Ready", "NotReady", "Ready,SchedulingDisabled"
     * @param requested the sum of the requests of the pods on this node that the environment watches
     *     (its namespaces; {@code podsCounted} of them), not finished ones; init containers counted as the scheduler does
     * @param usage latest metrics sample, or null when there is none
     * @param podCapacity allocatable pods
     * @param taints "key=value:Effect"
     */
    public record Node(
            String context,
            String name,
            Health health,
            String status,
            List<String> roles,
            String kubeletVersion,
            String internalIp,
            Instant created,
            Resources capacity,
            Resources allocatable,
            Resources requested,
            Resources limits,
            Usage usage,
            int podsCounted,
            int podCapacity,
            List<Condition> conditions,
            List<String> taints) {
        public Node {
            roles = List.copyOf(roles);
            conditions = List.copyOf(conditions);
            taints = List.copyOf(taints);
        }
    }

    /**
     * A Deployment, StatefulSet or DaemonSet with its version and health.
     *
     * @param version the tag of the main container (named like the workload, else the first)
     * @param changed when it last changed: the latest rollout condition update, else its creation
     * @param pods pods it owns (through its ReplicaSets for a Deployment) in the watched namespaces
     * @param restarts container restarts summed over those pods
     */
    public record Workload(
            String context,
            String namespace,
            String kind,
            String name,
            Health health,
            String status,
            int desired,
            int ready,
            int upToDate,
            int available,
            List<ContainerImage> images,
            String version,
            Instant created,
            Instant changed,
            int pods,
            int restarts) {
        public Workload {
            images = List.copyOf(images);
        }
    }

    public record Volume(
            String context, String name, Health health, String status, long capacityBytes, List<String> accessModes,
            String reclaimPolicy, String storageClass, String claim) {
        public Volume {
            accessModes = List.copyOf(accessModes);
        }
    }

    /** @param capacityBytes what the bound volume provides (0 while pending); {@code requestedBytes} what was asked for */
    public record Claim(
            String context, String namespace, String name, Health health, String status, String volume, long capacityBytes,
            long requestedBytes, List<String> accessModes, String storageClass) {
        public Claim {
            accessModes = List.copyOf(accessModes);
        }
    }

    public record StorageClass(
            String context, String name, String provisioner, String reclaimPolicy, String bindingMode, boolean allowExpansion,
            boolean isDefault) {}

    public record Storage(List<Volume> volumes, List<Claim> claims, List<StorageClass> classes) {
        public Storage {
            volumes = List.copyOf(volumes);
            claims = List.copyOf(claims);
            classes = List.copyOf(classes);
        }
    }

    /**
     * @param ports as kubectl prints them: "80/TCP", "443:30443/TCP"
     * @param readyEndpoints ready addresses behind it (-1 when endpoints are not known)
     */
    public record Service(
            String context, String namespace, String name, Health health, String type, String clusterIp,
            List<String> externalAddresses, List<String> ports, Map<String, String> selector, int readyEndpoints,
            int notReadyEndpoints) {
        public Service {
            externalAddresses = List.copyOf(externalAddresses);
            ports = List.copyOf(ports);
            selector = Map.copyOf(selector);
        }
    }

    /** One rule path of an Ingress: host ("*" for any) + path -> service:port. */
    public record Route(String host, String path, String service, String port) {}

    public record Ingress(
            String context, String namespace, String name, String ingressClass, List<String> hosts, List<String> addresses,
            List<Route> routes, boolean tls) {
        public Ingress {
            hosts = List.copyOf(hosts);
            addresses = List.copyOf(addresses);
            routes = List.copyOf(routes);
        }
    }

    /**
     * @param podSelector "app=web", or "(all pods)"
     * @param selectedPods how many watched pods it selects (-1 when pods are not known)
     * @param ingress what it lets in: "deny all", "allow all", "from app=frontend on 8080/TCP; ..."; "" when it does not govern ingress
     * @param egress what it lets out, in the same words
     */
    public record Policy(
            String context, String namespace, String name, String podSelector, int selectedPods, List<String> policyTypes,
            String ingress, String egress) {
        public Policy {
            policyTypes = List.copyOf(policyTypes);
        }
    }

    public record Network(List<Service> services, List<Ingress> ingresses, List<Policy> policies) {
        public Network {
            services = List.copyOf(services);
            ingresses = List.copyOf(ingresses);
            policies = List.copyOf(policies);
        }
    }

    /** The latest usage of one node (namespace "") or pod. */
    public record UsageOf(String context, String namespace, String name, Usage usage) {}

    public record Metrics(List<MetricsStatus> statuses, List<UsageOf> nodes, List<UsageOf> pods) {
        public Metrics {
            statuses = List.copyOf(statuses);
            nodes = List.copyOf(nodes);
            pods = List.copyOf(pods);
        }
    }
}
