package dev.wheelhouse.app.ui;

import dev.wheelhouse.app.AppServices;
import dev.wheelhouse.app.InProcessSandbox;
import dev.wheelhouse.history.H2HistoryStore;
import dev.wheelhouse.kube.Fabric8ClusterGateway;
import dev.wheelhouse.ssh.SshSettings;
import dev.wheelhouse.ssh.SshjHostGateway;
import dev.wheelhouse.workspace.LocalEnvironmentDiscovery;
import dev.wheelhouse.workspace.YamlWorkspaceStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Real services in a temporary folder: the YAML store, discovery and the H2 history. */
public final class TestWorkspaces {
    /** Four environments: production (two targets kinds), staging, read-only development, empty. */
    public static final String SAMPLE = """
            environments:
              - name: shop-prod
                tier: production
                kubernetes:
                  - context: prod-eu
                    namespaces: [shop, shop-jobs]
                hosts:
                  - alias: web-prod-1
                  - alias: web-prod-2
                    hostName: 10.0.0.12
                    port: 2222
                    user: deploy
              - name: shop-staging
                tier: staging
                kubernetes:
                  - context: staging-eu
                    namespaces: [shop]
              - name: lab
                tier: development
                readOnly: true
                kubernetes:
                  - context: kind-lab
                hosts:
                  - alias: lab-box
              - name: tools
                tier: development
            """;

    public static final String KUBECONFIG = """
            apiVersion: v1
            kind: Config
            current-context: dev-cluster
            clusters:
              - name: dev
                cluster: { server: "https://dev.example:6443" }
            contexts:
              - name: dev-cluster
                context: { cluster: dev, user: dev-admin, namespace: shop-dev }
              - name: staging-eu
                context: { cluster: staging, user: staging-admin, namespace: shop-staging }
              - name: prod-eu
                context: { cluster: prod-eu, user: prod-admin, namespace: shop-prod }
            users:
              - name: dev-admin
                user: { token: never-copied }
            """;

    public static final String SSH_CONFIG = """
            Host web-prod-eu-1
                HostName 10.0.0.11
                User deploy
            Host dev-box
                HostName 127.0.0.1
            """;

    private TestWorkspaces() {}

    /** Services over dir/data, dir/kubeconfig and dir/ssh_config (which may not exist). */
    public static AppServices services(Path dir) {
        Path data = dir.resolve("data");
        Path kubeconfig = dir.resolve("kubeconfig");
        Path ssh = dir.resolve("ssh_config");
        return new AppServices(
                data,
                kubeconfig,
                ssh,
                new YamlWorkspaceStore(data.resolve("workspace.yaml")),
                new LocalEnvironmentDiscovery(kubeconfig, ssh),
                () -> H2HistoryStore.open(data),
                AppServices.once(() -> new Fabric8ClusterGateway(kubeconfig)),
                AppServices.once(() -> new SshjHostGateway(SshSettings.of(ssh, data.resolve("known_hosts")))),
                new InProcessSandbox(data));
    }

    public static Path workspaceFile(Path dir) {
        return dir.resolve("data").resolve("workspace.yaml");
    }

    public static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
