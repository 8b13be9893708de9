package dev.wheelhouse.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubeClientsTest {
    @TempDir
    Path dir;

    @Test
    void oneClientPerContextWithItsServerAndNamespace() throws Exception {
        Path file = MockCluster.writeKubeconfig(dir, "prod-eu", "https://10.0.0.1:6443");
        try (KubeClients clients = new KubeClients(file, KubeOptions.DEFAULTS)) {
            KubeClients.Client client = clients.client("prod-eu");
            assertThat(client.server()).isEqualTo("https://10.0.0.1:6443");
            assertThat(client.namespace()).isEqualTo("dev");
            assertThat(clients.client("prod-eu")).isSameAs(client);
            assertThat(client.client().getConfiguration().getConnectionTimeout()).isEqualTo(5000);
            assertThat(client.client().getConfiguration().getRequestTimeout()).isEqualTo(15000);
            assertThat(client.client().getConfiguration().getMasterUrl()).startsWith("https://10.0.0.1:6443");
        }
    }

    @Test
    void anUnknownContextNamesTheFileAndTheContextsItHas() throws Exception {
        Path file = MockCluster.writeKubeconfig(dir, "prod-eu", "https://10.0.0.1:6443");
        try (KubeClients clients = new KubeClients(file, KubeOptions.DEFAULTS)) {
            assertThatThrownBy(() -> clients.client("staging"))
                    .isInstanceOf(KubeconfigException.class)
                    .hasMessage("kubeconfig " + file + " has no context 'staging' (it has: prod-eu)");
            assertThat(clients.server("staging")).isEmpty();
        }
    }

    @Test
    void aMalformedKubeconfigIsOneLineNamingTheFile() throws Exception {
        Path file = dir.resolve("config");
        Files.writeString(file, "apiVersion: v1\nclusters:\n- name: a\n  cluster: [unclosed\n");
        try (KubeClients clients = new KubeClients(file, KubeOptions.DEFAULTS)) {
            assertThatThrownBy(() -> clients.client("a"))
                    .isInstanceOf(KubeconfigException.class)
                    .hasMessage("kubeconfig " + file + ":5:1: expected ',' or ']', but got <stream end>"
                            + " (while parsing a flow sequence at line 4, column 12) (needed for context 'a')");
        }
        Files.writeString(file, "- just\n- a list\n");
        try (KubeClients clients = new KubeClients(file, KubeOptions.DEFAULTS)) {
            assertThatThrownBy(() -> clients.client("a"))
                    .hasMessage("kubeconfig " + file + " is not a kubeconfig (a mapping of clusters, contexts and users is expected)"
                            + " (needed for context 'a')");
        }
    }

    @Test
    void aMissingKubeconfigSaysSo() {
        Path file = dir.resolve("nowhere");
        try (KubeClients clients = new KubeClients(file, KubeOptions.DEFAULTS)) {
            assertThatThrownBy(() -> clients.client("a"))
                    .hasMessage("kubeconfig " + file + " does not exist (needed for context 'a')");
        }
    }

    @Test
    void aContextWhoseClusterIsMissingSaysWhich() throws Exception {
        Path file = dir.resolve("config");
        Files.writeString(file, """
                apiVersion: v1
                kind: Config
                contexts:
                - name: a
                  context: {cluster: nowhere, user: u}
                users:
                - name: u
                  user: {token: t}
                """);
        try (KubeClients clients = new KubeClients(file, KubeOptions.DEFAULTS)) {
            assertThatThrownBy(() -> clients.client("a"))
                    .hasMessage("context 'a' in kubeconfig " + file + " names cluster 'nowhere', which the file does not define");
        }
    }
}
