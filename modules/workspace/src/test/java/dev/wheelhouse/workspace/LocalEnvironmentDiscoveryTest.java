package dev.wheelhouse.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.wheelhouse.core.workspace.Discovery;
import dev.wheelhouse.core.workspace.Environment;
import dev.wheelhouse.core.workspace.HostRef;
import dev.wheelhouse.core.workspace.KubeTarget;
import dev.wheelhouse.core.workspace.Tier;
import dev.wheelhouse.core.workspace.Workspace;
import dev.wheelhouse.core.workspace.WorkspaceLoad;
import dev.wheelhouse.core.workspace.WorkspaceRules;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalEnvironmentDiscoveryTest {

    @TempDir
    Path dir;

    private static Path resource(String name) {
        try {
            return Path.of(LocalEnvironmentDiscoveryTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> aliases(Environment env) {
        return env.hosts().stream().map(HostRef::alias).toList();
    }

    @Test
    void contextsBecomeEnvironmentsAndHostsJoinTheirTier() {
        Path kubeconfig = resource("kubeconfig-sample.yaml");
        Path ssh = resource("ssh/config");

        Discovery discovery = new LocalEnvironmentDiscovery(kubeconfig, ssh).discover();

        assertThat(discovery.proposed())
                .extracting(Environment::name, Environment::tier, Environment::kubeTargets)
                .containsExactly(
                        tuple("dev-cluster", Tier.DEVELOPMENT, List.of(new KubeTarget("dev-cluster", List.of("shop-dev")))),
                        tuple("staging-eu", Tier.STAGING, List.of(new KubeTarget("staging-eu", List.of("shop-staging")))),
                        tuple("prod-eu", Tier.PRODUCTION, List.of(new KubeTarget("prod-eu", List.of("shop-prod")))),
                        tuple("prod-us", Tier.PRODUCTION, List.of(new KubeTarget("prod-us", List.of()))),
                        tuple("arn-aws-eks-eu-west-1-123456789012-cluster-Ops-Tools", Tier.DEVELOPMENT,
                                List.of(new KubeTarget("arn:aws:eks:eu-west-1:123456789012:cluster/Ops Tools", List.of()))));
        Map<String, List<String>> hosts = discovery.proposed().stream()
                .collect(java.util.stream.Collectors.toMap(Environment::name, LocalEnvironmentDiscoveryTest::aliases));
        assertThat(hosts).containsEntry("dev-cluster", List.of("dev-box", "quoted-host", "lab-1"))
                .containsEntry("staging-eu", List.of("stage-db", "legacy-uat"))
                .containsEntry("prod-eu", List.of("web-prod-eu-1", "web-prod-eu-2"))
                .containsEntry("prod-us", List.of("bastion-prod-us"))
                .containsEntry("arn-aws-eks-eu-west-1-123456789012-cluster-Ops-Tools", List.of());
        assertThat(discovery.proposed()).allSatisfy(env -> {
            assertThat(env.readOnly()).isFalse();
            assertThat(env.colour()).isNull();
        });
        assertThat(discovery.notes()).containsExactly(
                "kubeconfig " + kubeconfig + ": context 'arn:aws:eks:eu-west-1:123456789012:cluster/Ops Tools': namespace"
                        + " 'Not_Valid' is not a valid Kubernetes namespace (lower-case letters, digits, '-'); using the default namespace",
                "ssh config " + ssh + ":18: Include " + ssh.resolveSibling("missing.conf") + ": not found");
        assertThat(WorkspaceRules.check(discovery.asWorkspace())).isEmpty();
    }

    @Test
    void hostsWithoutAContextOfTheirTierFormHostEnvironments() throws IOException {
        Path kubeconfig = dir.resolve("kubeconfig");
        Files.writeString(kubeconfig, """
                contexts:
                  - name: kind-lab
                    context: { cluster: kind-lab }
                """);
        Path ssh = dir.resolve("config");
        Files.writeString(ssh, "Host lab-1 web-prod-1 db-stg-1 web-prod-2\n");

        Discovery discovery = new LocalEnvironmentDiscovery(kubeconfig, ssh).discover();

        assertThat(discovery.proposed())
                .extracting(Environment::name, Environment::tier, LocalEnvironmentDiscoveryTest::aliases)
                .containsExactly(
                        tuple("kind-lab", Tier.DEVELOPMENT, List.of("lab-1")),
                        tuple("hosts-production", Tier.PRODUCTION, List.of("web-prod-1", "web-prod-2")),
                        tuple("hosts-staging", Tier.STAGING, List.of("db-stg-1")));
        assertThat(discovery.notes()).isEmpty();
    }

    @Test
    void missingFilesBecomeNotes() {
        Path kubeconfig = dir.resolve("no-kubeconfig");
        Path ssh = dir.resolve("no-ssh-config");

        Discovery discovery = new LocalEnvironmentDiscovery(kubeconfig, ssh).discover();

        assertThat(discovery.proposed()).isEmpty();
        assertThat(discovery.notes()).containsExactly(
                "kubeconfig " + kubeconfig + ": not found",
                "ssh config " + ssh + ": not found");
        assertThat(new LocalEnvironmentDiscovery(null, null).discover()).isEqualTo(new Discovery(List.of(), List.of()));
    }

    @Test
    void malformedKubeconfigIsANoteWithLineAndColumnAndSshStillCounts() throws IOException {
        Path kubeconfig = dir.resolve("kubeconfig");
        Files.writeString(kubeconfig, "contexts:\n  - name: prod\n   context: {}\n");
        Path ssh = dir.resolve("config");
        Files.writeString(ssh, "Host prod-web\n");

        Discovery discovery = new LocalEnvironmentDiscovery(kubeconfig, ssh).discover();

        assertThat(discovery.notes()).singleElement().asString()
                .startsWith("kubeconfig " + kubeconfig + ":3:4: malformed YAML: ");
        assertThat(discovery.proposed()).extracting(Environment::name).containsExactly("hosts-production");
    }

    @Test
    void oddKubeconfigsAreNotesNotExceptions() throws IOException {
        Path kubeconfig = dir.resolve("kubeconfig");
        LocalEnvironmentDiscovery discovery = new LocalEnvironmentDiscovery(kubeconfig, null);
        Files.writeString(kubeconfig, "");
        assertThat(discovery.discover().notes()).containsExactly("kubeconfig " + kubeconfig + ": is empty");
        Files.writeString(kubeconfig, "contexts: nope\n");
        assertThat(discovery.discover().notes()).containsExactly("kubeconfig " + kubeconfig + ": 'contexts' is not a list");
        Files.writeString(kubeconfig, "contexts:\n  - context: {}\n  - name: a\n  - name: a\n  - name: a.b\n");
        Discovery d = discovery.discover();
        assertThat(d.notes()).containsExactly(
                "kubeconfig " + kubeconfig + ": contexts[0] has no name; skipped",
                "kubeconfig " + kubeconfig + ": context 'a' is defined twice; the first is used");
        assertThat(d.proposed()).extracting(Environment::name).containsExactly("a", "a.b");
    }

    @Test
    void namesAreSanitisedAndKeptUnique() throws IOException {
        Path kubeconfig = dir.resolve("kubeconfig");
        Files.writeString(kubeconfig, """
                contexts:
                  - name: "team/prod"
                  - name: "team:prod"
                  - name: "_private"
                  - name: "%%%"
                """ + "  - name: " + "x".repeat(80) + "\n");

        List<Environment> proposed = new LocalEnvironmentDiscovery(kubeconfig, null).discover().proposed();

        assertThat(proposed).extracting(Environment::name)
                .containsExactly("team-prod", "team-prod-2", "private", "context", "x".repeat(63));
        assertThat(proposed.get(1).kubeTargets().getFirst().context()).isEqualTo("team:prod");
        assertThat(WorkspaceRules.check(new Workspace(proposed, List.of()))).isEmpty();
    }

    @Test
    void includeLoopsAndDeepIncludesEnd() throws IOException {
        Path ssh = dir.resolve("config");
        Files.writeString(ssh, "Host a\nInclude config\n");

        Discovery discovery = new LocalEnvironmentDiscovery(null, ssh).discover();

        assertThat(discovery.proposed()).extracting(LocalEnvironmentDiscoveryTest::aliases).containsExactly(List.of("a"));
        assertThat(discovery.notes()).containsExactly(
                "ssh config " + ssh + ":2: Include " + ssh + " includes itself; skipped");
    }

    @Test
    void sshConfigLinesSplitLikeOpenSsh() {
        assertThat(SshConfigHosts.words("Host=a b")).containsExactly("Host", "a", "b");
        assertThat(SshConfigHosts.words("  HOST = \"x y\" z # comment")).containsExactly("HOST", "x y", "z");
        assertThat(SshConfigHosts.words("Host a#b")).containsExactly("Host", "a#b");
        assertThat(SshConfigHosts.words("   # only a comment")).isEmpty();
        assertThat(SshConfigHosts.words("")).isEmpty();
    }

    @Test
    void proposalsSaveAndLoadAsAWorkspace() throws IOException {
        Discovery discovery = new LocalEnvironmentDiscovery(resource("kubeconfig-sample.yaml"), resource("ssh/config")).discover();
        YamlWorkspaceStore store = new YamlWorkspaceStore(dir.resolve("workspace.yaml"));

        store.save(discovery.asWorkspace());

        assertThat(store.load()).isEqualTo(new WorkspaceLoad.Loaded(store.file(), discovery.asWorkspace()));
        assertThat(Files.readString(store.file())).doesNotContain("never-copied");
    }

    @Test
    void defaultPaths() {
        Path home = Path.of("/home/op");
        String sep = File.pathSeparator;
        assertThat(LocalEnvironmentDiscovery.defaultKubeconfig(Map.of(), home)).isEqualTo(home.resolve(".kube/config"));
        assertThat(LocalEnvironmentDiscovery.defaultKubeconfig(Map.of("KUBECONFIG", "/a/one" + sep + "/b/two"), home))
                .isEqualTo(Path.of("/a/one"));
        assertThat(LocalEnvironmentDiscovery.defaultKubeconfig(Map.of("KUBECONFIG", sep + "/b/two"), home))
                .isEqualTo(Path.of("/b/two"));
        assertThat(LocalEnvironmentDiscovery.defaultKubeconfig(Map.of("KUBECONFIG", ""), home))
                .isEqualTo(home.resolve(".kube/config"));
        assertThat(LocalEnvironmentDiscovery.defaultSshConfig(home)).isEqualTo(home.resolve(".ssh/config"));
    }
}
