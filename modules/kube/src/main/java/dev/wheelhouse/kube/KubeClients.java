package dev.wheelhouse.kube;

import io.fabric8.kubernetes.api.model.NamedCluster;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Fabric8 client per kubeconfig context, made on first use from the given kubeconfig file
 * and kept until {@link #close()}. A context the file does not define, or a file that cannot be
 * read, is a {@link KubeconfigException} naming the file and the context; Fabric8 would
 * otherwise fall back to the current context without a word.
 */
public final class KubeClients implements AutoCloseable {
    /**
     * One JSON mapper for every context's client: Jackson builds its readers of the Kubernetes
     * model (some hundreds of classes) once per JVM, not once per context, and {@link #warmUp()}
     * can build them before the first connection. The mapper is thread-safe once built.
     */
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private final Path kubeconfig;
    private final KubeOptions options;
    private final Map<String, Client> clients = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /** A context's client and what the kubeconfig says about it. */
    public record Client(String context, KubernetesClient client, String server, String namespace) {}

    public KubeClients(Path kubeconfig, KubeOptions options) {
        this.kubeconfig = Objects.requireNonNull(kubeconfig).toAbsolutePath();
        this.options = options;
    }

    public Path kubeconfig() {
        return kubeconfig;
    }

    /** The client of a context, made on first use. Does no network I/O. */
    public Client client(String context) throws KubeconfigException {
        if (closed) {
            throw new IllegalStateException("the Kubernetes clients are closed");
        }
        Client existing = clients.get(context);
        if (existing != null) {
            return existing;
        }
        synchronized (this) {
            existing = clients.get(context);
            if (existing == null) {
                existing = open(context);
                clients.put(context, existing);
            }
            return existing;
        }
    }

    /** The API server URL of a context as the kubeconfig gives it, or "" when it cannot be read. */
    public String server(String context) {
        Client c = clients.get(context);
        if (c != null) {
            return c.server();
        }
        try {
            return client(context).server();
        } catch (KubeconfigException | RuntimeException e) {
            return "";
        }
    }

    private Client open(String context) throws KubeconfigException {
        io.fabric8.kubernetes.api.model.Config parsed = parse(context);
        List<NamedContext> contexts = parsed.getContexts() == null ? List.of() : parsed.getContexts();
        NamedContext named = contexts.stream().filter(c -> context.equals(c.getName())).findFirst().orElse(null);
        if (named == null || named.getContext() == null) {
            String known = contexts.isEmpty() ? "it defines none"
                    : "it has: " + String.join(", ", contexts.stream().map(NamedContext::getName).toList());
            throw new KubeconfigException(kubeconfig, context,
                    "kubeconfig " + kubeconfig + " has no context '" + context + "' (" + known + ")");
        }
        String clusterName = named.getContext().getCluster();
        NamedCluster cluster = parsed.getClusters() == null ? null : parsed.getClusters().stream()
                .filter(c -> Objects.equals(clusterName, c.getName())).findFirst().orElse(null);
        if (cluster == null || cluster.getCluster() == null) {
            throw new KubeconfigException(kubeconfig, context, "context '" + context + "' in kubeconfig " + kubeconfig
                    + " names cluster '" + clusterName + "', which the file does not define");
        }
        String server = cluster.getCluster().getServer();
        if (server == null || server.isBlank()) {
            throw new KubeconfigException(kubeconfig, context, "cluster '" + clusterName + "' of context '" + context
                    + "' in kubeconfig " + kubeconfig + " has no server URL");
        }
        try {
            Config config = Config.fromKubeconfig(context, kubeconfig.toFile());
            config.setConnectionTimeout((int) options.connectTimeout().toMillis());
            config.setRequestTimeout((int) options.requestTimeout().toMillis());
            // Informers retry lists with their own backoff; a request retried inside them only delays the verdict.
            config.setRequestRetryBackoffLimit(0);
            config.setWatchReconnectInterval((int) options.watchRetry().toMillis());
            String namespace = named.getContext().getNamespace();
            KubernetesClient client = builder(config).build();
            return new Client(context, client, server, namespace == null || namespace.isBlank() ? "default" : namespace);
        } catch (RuntimeException | LinkageError e) {
            // LinkageError: an HTTP client missing from the class path must show as this context's
            // problem, not leave the view connecting for ever (the error would end the loop's task).
            throw new KubeconfigException(kubeconfig, context, "context '" + context + "' in kubeconfig " + kubeconfig
                    + " cannot be used: " + FeedErrors.rootMessage(e));
        }
    }

    /** Every client over the JDK's HTTP client and the one mapper. */
    private static KubernetesClientBuilder builder(Config config) {
        return new KubernetesClientBuilder().withHttpClientFactory(new JdkHttpClientFactory())
                .withKubernetesSerialization(SERIALIZATION).withConfig(config);
    }

    /**
     * Does once, ahead, what the first connection of this JVM would otherwise wait for: loads
     * and links the client's classes and those of its HTTP stack, parses a kubeconfig, and
     * builds the mapper's reader of every kind the live model lists. About 0.8 s of CPU on a
     * laptop, which made the first environment's lists come that much later (docs/BENCHMARKS.md,
     * Views). Reads no file and opens no connection; any thread, any number of times. Any
     * failure is left for the real connection to report.
     */
    public static void warmUp() {
        String kubeconfig = """
                apiVersion: v1
                kind: Config
                clusters: [{name: warm-up, cluster: {server: "https://127.0.0.1:1"}}]
                users: [{name: warm-up, user: {token: warm-up}}]
                contexts: [{name: warm-up, context: {cluster: warm-up, user: warm-up, namespace: default}}]
                current-context: warm-up
                """;
        try {
            Serialization.unmarshal(kubeconfig, io.fabric8.kubernetes.api.model.Config.class);
            try (KubernetesClient client = builder(Config.fromKubeconfig("warm-up", kubeconfig, null)).build()) {
                for (ResourceKind<?> kind : ResourceKinds.ALL) {
                    client.resources(kind.type());
                    SERIALIZATION.unmarshal("{\"metadata\":{\"name\":\"warm-up\"}}", kind.type());
                }
            }
        } catch (RuntimeException | LinkageError e) {
            // the connection that follows says what is wrong, where it is wrong
        }
    }

    private io.fabric8.kubernetes.api.model.Config parse(String context) throws KubeconfigException {
        try (InputStream in = Files.newInputStream(kubeconfig)) {
            io.fabric8.kubernetes.api.model.Config parsed = Serialization.unmarshal(in, io.fabric8.kubernetes.api.model.Config.class);
            if (parsed == null) {
                throw new KubeconfigException(kubeconfig, context, "kubeconfig " + kubeconfig + " is empty");
            }
            return parsed;
        } catch (NoSuchFileException e) {
            throw new KubeconfigException(kubeconfig, context,
                    "kubeconfig " + kubeconfig + " does not exist (needed for context '" + context + "')");
        } catch (IOException e) {
            throw new KubeconfigException(kubeconfig, context, "kubeconfig " + kubeconfig + " cannot be read: " + e.getMessage());
        } catch (RuntimeException e) {
            throw new KubeconfigException(kubeconfig, context, parseError(e) + " (needed for context '" + context + "')");
        }
    }

    private static final Pattern YAML_MARK = Pattern.compile("(?:\\^\\s*)?([^\\^]*?)\\s+in reader, line (\\d+), column (\\d+)");

    /** "kubeconfig F:5:1: expected ',' or ']' (while parsing a flow sequence at line 4, column 12)". */
    private String parseError(RuntimeException e) {
        String message = FeedErrors.rootMessage(e);
        Matcher m = YAML_MARK.matcher(message);
        List<String[]> marks = new java.util.ArrayList<>();
        while (m.find()) {
            marks.add(new String[] {m.group(1).strip(), m.group(2), m.group(3)});
        }
        if (!marks.isEmpty()) {
            String[] problem = marks.getLast();
            String context = marks.size() > 1
                    ? " (" + marks.getFirst()[0] + " at line " + marks.getFirst()[1] + ", column " + marks.getFirst()[2] + ")" : "";
            return "kubeconfig " + kubeconfig + ":" + problem[1] + ":" + problem[2] + ": " + problem[0] + context;
        }
        if (message.startsWith("Cannot deserialize") || message.startsWith("Unrecognized")) {
            return "kubeconfig " + kubeconfig + " is not a kubeconfig (a mapping of clusters, contexts and users is expected)";
        }
        return "kubeconfig " + kubeconfig + " is not a valid kubeconfig: " + message;
    }

    @Override
    public void close() {
        closed = true;
        clients.values().forEach(c -> {
            try {
                c.client().close();
            } catch (RuntimeException e) {
                // closing is best effort; nothing else can be done with a client that fails to close
            }
        });
        clients.clear();
    }
}
