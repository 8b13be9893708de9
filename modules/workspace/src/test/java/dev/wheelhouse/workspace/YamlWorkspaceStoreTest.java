package dev.wheelhouse.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wheelhouse.core.workspace.Application;
import dev.wheelhouse.core.workspace.Environment;
import dev.wheelhouse.core.workspace.HostRef;
import dev.wheelhouse.core.workspace.KubeTarget;
import dev.wheelhouse.core.workspace.Tier;
import dev.wheelhouse.core.workspace.WorkloadKind;
import dev.wheelhouse.core.workspace.Workspace;
import dev.wheelhouse.core.workspace.WorkspaceRules;
import dev.wheelhouse.core.workspace.WorkspaceError;
import dev.wheelhouse.core.workspace.WorkspaceLoad;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlWorkspaceStoreTest {

    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        Path file = dir.resolve("workspace.yaml");
        Files.writeString(file, text);
        return file;
    }

    private Path sample() throws IOException {
        Path file = dir.resolve("workspace.yaml");
        try (InputStream in = getClass().getResourceAsStream("workspace-sample.yaml")) {
            Files.copy(in, file);
        }
        return file;
    }

    private static Workspace loaded(WorkspaceLoad load) {
        assertThat(load).isInstanceOf(WorkspaceLoad.Loaded.class);
        return ((WorkspaceLoad.Loaded) load).workspace();
    }

    private static WorkspaceError invalid(WorkspaceLoad load) {
        assertThat(load).as("load result").isInstanceOf(WorkspaceLoad.Invalid.class);
        return ((WorkspaceLoad.Invalid) load).error();
    }

    private WorkspaceError errorFor(String yaml) throws IOException {
        return invalid(new YamlWorkspaceStore(write(yaml)).load());
    }

    private static Workspace small() {
        return new Workspace(
                List.of(new Environment("dev", Tier.DEVELOPMENT, null, false,
                        List.of(new KubeTarget("kind-dev", List.of("shop"))), List.of(HostRef.of("box")))),
                List.of(new Application("api", new Application.Workload(WorkloadKind.DEPLOYMENT, "api", null), null)));
    }

    // ---- reading ------------------------------------------------------------------------

    @Test
    void sampleFileLoadsEveryField() throws IOException {
        Workspace ws = loaded(new YamlWorkspaceStore(sample()).load());

        assertThat(ws.environments()).extracting(Environment::name).containsExactly("shop-prod", "shop-staging", "lab");
        Environment prod = ws.environment("shop-prod").orElseThrow();
        assertThat(prod.tier()).isEqualTo(Tier.PRODUCTION);
        assertThat(prod.colour()).isEqualTo("#e03131");
        assertThat(prod.readOnly()).isFalse();
        assertThat(prod.kubeTargets()).containsExactly(new KubeTarget("prod-cluster", List.of("shop-prod")));
        assertThat(prod.hosts()).containsExactly(HostRef.of("web-1"), new HostRef("web-2", "10.0.0.12", 2222, "deploy"));
        assertThat(ws.environment("shop-staging").orElseThrow().kubeTargets().getFirst().namespaces())
                .containsExactly("shop-staging", "shop-staging-jobs");
        Environment lab = ws.environment("lab").orElseThrow();
        assertThat(lab.readOnly()).isTrue();
        assertThat(lab.colour()).isNull();
        assertThat(lab.kubeTargets()).containsExactly(new KubeTarget("kind-lab", List.of()));
        assertThat(ws.application("checkout").orElseThrow()).isEqualTo(new Application("checkout",
                new Application.Workload(WorkloadKind.DEPLOYMENT, "checkout", "app"),
                new Application.HostService("/srv/checkout", "sudo systemctl restart checkout", "curl -fsS localhost:8080/health")));
        assertThat(ws.application("search").orElseThrow().workload().kind()).isEqualTo(WorkloadKind.STATEFULSET);
        assertThat(ws.application("search").orElseThrow().hostService()).isNull();
    }

    @Test
    void missingFileIsMissing() {
        YamlWorkspaceStore store = new YamlWorkspaceStore(dir.resolve("nope.yaml"));
        assertThat(store.load()).isEqualTo(new WorkspaceLoad.Missing(dir.resolve("nope.yaml")));
    }

    @Test
    void emptyOrCommentOnlyFileIsAnEmptyWorkspace() throws IOException {
        assertThat(loaded(new YamlWorkspaceStore(write("")).load())).isEqualTo(Workspace.EMPTY);
        assertThat(loaded(new YamlWorkspaceStore(write("# nothing yet\n\n")).load())).isEqualTo(Workspace.EMPTY);
        assertThat(loaded(new YamlWorkspaceStore(write("environments: []\n")).load())).isEqualTo(Workspace.EMPTY);
    }

    @Test
    void malformedYamlNamesLineAndColumn() throws IOException {
        WorkspaceError error = errorFor("""
                environments:
                  - name: a
                   tier: development
                """);
        assertThat(error.line()).isEqualTo(3);
        assertThat(error.column()).isEqualTo(4);
        assertThat(error.message()).startsWith("malformed YAML: ").doesNotContain("\n").doesNotContain("Exception");
        assertThat(error.describe()).startsWith(dir.resolve("workspace.yaml") + ":3:4: malformed YAML");
    }

    @Test
    void unterminatedQuoteSaysWhereTheQuoteOpened() throws IOException {
        WorkspaceError error = errorFor("environments:\n  - name: \"shop\n    tier: staging\n");
        assertThat(error.line()).isEqualTo(4);
        assertThat(error.column()).isEqualTo(1);
        assertThat(error.message()).contains("quoted scalar that starts at line 2, column 11");
    }

    @Test
    void unknownTierNamesTheValueAndTheChoices() throws IOException {
        WorkspaceError error = errorFor("""
                environments:
                  - name: shop-dev
                    tier: development
                  - name: shop-prod
                    tier:   prodution
                """);
        assertThat(error.message()).isEqualTo("unknown tier 'prodution' (expected development, staging, production)");
        assertThat(error.line()).isEqualTo(5);
        assertThat(error.column()).isEqualTo(13);
    }

    @Test
    void unknownFieldIsNamedWithItsPlaceAndAGuess() throws IOException {
        WorkspaceError error = errorFor("""
                environments:
                  - name: shop-prod
                    tier: production
                    kubernetes:
                      - context: prod
                        namspaces: [shop]
                """);
        assertThat(error.line()).isEqualTo(6);
        assertThat(error.column()).isEqualTo(9);
        assertThat(error.message()).isEqualTo("unknown field 'namspaces' in environments[0].kubernetes[0];"
                + " did you mean 'namespaces'? (known fields: context, namespaces)");
    }

    @Test
    void unknownTopLevelFieldIsAnError() throws IOException {
        WorkspaceError error = errorFor("environments: []\napplication:\n  - name: x\n");
        assertThat(error.line()).isEqualTo(2);
        assertThat(error.column()).isEqualTo(1);
        assertThat(error.message()).startsWith("unknown field 'application' in the top level; did you mean 'applications'?");
    }

    @Test
    void duplicateEnvironmentNamesPointAtTheSecond() throws IOException {
        WorkspaceError error = errorFor("""
                environments:
                  - name: shop
                    tier: staging
                  - name: shop
                    tier: production
                """);
        assertThat(error.line()).isEqualTo(4);
        assertThat(error.column()).isEqualTo(11);
        assertThat(error.message()).isEqualTo("environments[1].name: environment 'shop' is defined twice");
    }

    @Test
    void keyGivenTwiceInOneMappingIsNotSilentlyOverwritten() throws IOException {
        WorkspaceError error = errorFor("""
                environments:
                  - name: shop
                    tier: staging
                    tier: production
                """);
        assertThat(error.line()).isEqualTo(4);
        assertThat(error.message()).isEqualTo("'tier' is given twice in environments[0] (first at line 3)");
    }

    @Test
    void wrongTypesSayWhatWasExpected() throws IOException {
        WorkspaceError port = errorFor("""
                environments:
                  - name: shop
                    tier: staging
                    hosts:
                      - alias: web
                        port: twenty-two
                """);
        assertThat(port.line()).isEqualTo(6);
        assertThat(port.column()).isEqualTo(15);
        assertThat(port.message()).isEqualTo("environments[0].hosts[0].port: expected a whole number, found 'twenty-two'");

        WorkspaceError list = errorFor("environments:\n  name: shop\n");
        assertThat(list.line()).isEqualTo(2);
        assertThat(list.message()).isEqualTo("environments: expected a list, found a mapping");

        WorkspaceError root = errorFor("- shop\n- prod\n");
        assertThat(root.line()).isEqualTo(1);
        assertThat(root.message()).contains("expected a mapping").contains("found a list");
    }

    @Test
    void missingTierIsReportedAtItsEnvironment() throws IOException {
        WorkspaceError error = errorFor("environments:\n  - name: shop\n    colour: \"#123456\"\n");
        assertThat(error.line()).isEqualTo(2);
        assertThat(error.column()).isEqualTo(5);
        assertThat(error.message()).startsWith("environments[0].tier: tier is required");
    }

    @Test
    void badNamespaceIsReportedAtTheItem() throws IOException {
        WorkspaceError error = errorFor("""
                environments:
                  - name: shop
                    tier: staging
                    kubernetes:
                      - context: stg
                        namespaces: [ok, Not_OK]
                """);
        assertThat(error.line()).isEqualTo(6);
        assertThat(error.column()).isEqualTo(26);
        assertThat(error.message()).contains("namespace 'Not_OK'");
    }

    @Test
    void unknownWorkloadKind() throws IOException {
        WorkspaceError error = errorFor("applications:\n  - name: api\n    kubernetes: { kind: Deploymnet, name: api }\n");
        assertThat(error.line()).isEqualTo(3);
        assertThat(error.column()).isEqualTo(25);
        assertThat(error.message()).isEqualTo("unknown kind 'Deploymnet' (expected Deployment, StatefulSet, DaemonSet)");
    }

    @Test
    void emptyListEntryIsAnError() throws IOException {
        WorkspaceError error = errorFor("environments:\n  - name: a\n    tier: staging\n    hosts:\n      -\n");
        assertThat(error.message()).startsWith("environments[0].hosts[0] is empty");
    }

    @Test
    void unquotedColourIsACommentAndNotSilentlyDropped() throws IOException {
        WorkspaceError error = errorFor("environments:\n  - name: a\n    tier: staging\n    colour: #e03131\n");
        assertThat(error.line()).isEqualTo(4);
        assertThat(error.column()).isEqualTo(5);
        assertThat(error.message()).startsWith("environments[0].colour has no value").contains("quote it");
    }

    @Test
    void yamlAliasesAreRefused() throws IOException {
        WorkspaceError error = errorFor("environments:\n  - &e\n    name: a\n    tier: staging\n  - *e\n");
        assertThat(error.line()).isEqualTo(5);
        assertThat(error.message()).contains("aliases (*e)");
    }

    @Test
    void secondDocumentIsAnError() throws IOException {
        WorkspaceError error = errorFor("environments: []\n---\napplications: []\n");
        assertThat(error.line()).isEqualTo(3);
        assertThat(error.message()).contains("second YAML document");
    }

    @Test
    void unreadableFileHasNoPosition() throws IOException {
        Path directory = Files.createDirectory(dir.resolve("workspace.yaml"));
        WorkspaceError error = invalid(new YamlWorkspaceStore(directory).load());
        assertThat(error.line()).isZero();
        assertThat(error.message()).contains("directory");

        Path binary = dir.resolve("binary.yaml");
        Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0x00, 0x41});
        assertThat(invalid(new YamlWorkspaceStore(binary).load()).message()).isEqualTo("is not UTF-8 text");
    }

    @Test
    void loadNeverModifiesAnInvalidFile() throws IOException {
        Path file = write("environments:\n  - name: shop\n    tier: prodution\n");
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(file, old);
        byte[] before = Files.readAllBytes(file);

        YamlWorkspaceStore store = new YamlWorkspaceStore(file);
        invalid(store.load());
        invalid(store.load());

        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(old);
        assertThat(filesIn(dir)).containsExactly("workspace.yaml");
    }

    // ---- writing ------------------------------------------------------------------------

    @Test
    void roundTripKeepsEverything() throws IOException {
        Path file = sample();
        YamlWorkspaceStore store = new YamlWorkspaceStore(file);
        Workspace first = loaded(store.load());

        store.save(first);
        Workspace second = loaded(store.load());

        assertThat(second).isEqualTo(first);
        String text = Files.readString(file);
        assertThat(text).startsWith("# Wheelhouse workspace").doesNotContain("---").doesNotContain("null");
        assertThat(text).contains("colour: \"#e03131\"").contains("readOnly: true").doesNotContain("readOnly: false");
        store.save(second);
        assertThat(Files.readString(file)).as("stable output").isEqualTo(text);
    }

    @Test
    void writesReadableYaml() {
        assertThat(YamlWorkspaceStore.render(small())).isEqualTo(YamlWorkspaceStore.HEADER + """
                environments:
                  - name: dev
                    tier: development
                    kubernetes:
                      - context: kind-dev
                        namespaces:
                          - shop
                    hosts:
                      - alias: box
                applications:
                  - name: api
                    kubernetes:
                      kind: Deployment
                      name: api
                """);
        assertThat(YamlWorkspaceStore.render(Workspace.EMPTY)).isEqualTo(YamlWorkspaceStore.HEADER + "environments: []\n");
    }

    @Test
    void rollbackOnFailureLoadsAndSurvivesTheRoundTripOnlyWhereWritten() throws IOException {
        Path file = write("""
                applications:
                  - name: checkout
                    kubernetes: { kind: Deployment, name: checkout, container: app, rollbackOnFailure: true }
                  - name: search
                    kubernetes: { kind: StatefulSet, name: search }
                """);
        YamlWorkspaceStore store = new YamlWorkspaceStore(file);
        Workspace ws = loaded(store.load());
        assertThat(ws.application("checkout").orElseThrow().workload().effectiveRollbackOnFailure()).isTrue();
        assertThat(ws.application("search").orElseThrow().workload().rollbackOnFailure()).isNull();
        assertThat(ws.application("search").orElseThrow().workload().effectiveRollbackOnFailure()).isFalse();
        store.save(ws);
        String text = Files.readString(file);
        assertThat(text).containsOnlyOnce("rollbackOnFailure: true");
        assertThat(loaded(store.load())).isEqualTo(ws);
        WorkspaceError error = errorFor("""
                applications:
                  - name: checkout
                    kubernetes: { kind: Deployment, name: checkout, rollbackOnFailure: sometimes }
                """);
        assertThat(error.line()).isEqualTo(3);
    }

    @Test
    void valuesThatLookLikeOtherTypesSurviveTheRoundTrip() throws IOException {
        Workspace tricky = new Workspace(List.of(new Environment("123", Tier.STAGING, "#00ff00", false,
                List.of(), List.of(new HostRef("yes", "true", 22, "null")))), List.of(
                new Application("on", null, new Application.HostService("/srv/x: y", "echo 'a' # b", "[ -f x ]"))));
        YamlWorkspaceStore store = new YamlWorkspaceStore(dir.resolve("workspace.yaml"));
        store.save(tricky);
        assertThat(loaded(store.load())).isEqualTo(tricky);
    }

    @Test
    void hostServiceSettingsLoadAndSurviveTheRoundTrip() throws IOException {
        Workspace ws = loaded(new YamlWorkspaceStore(write("""
                applications:
                  - name: shop
                    hosts:
                      deployRoot: /srv/shop
                      restart: sudo systemctl restart shop
                      health: curl -fsS localhost:8080/health
                      shared: [logs, config/app.yml]
                      keepReleases: 3
                      batches: { first: 2, percent: 25, maxFailedPercent: 10 }
                      healthCheck: { retries: 7, timeoutSeconds: 4, intervalSeconds: 1 }
                """)).load());
        Application.HostService s = ws.application("shop").orElseThrow().hostService();
        assertThat(s.sharedPaths()).containsExactly("logs", "config/app.yml");
        assertThat(s.effectiveKeepReleases()).isEqualTo(3);
        assertThat(s.effectiveBatches()).isEqualTo(new Application.Batches(2, 25, 10));
        assertThat(s.effectiveHealthCheck()).isEqualTo(new Application.HealthCheck(7, 4, 1));
        YamlWorkspaceStore store = new YamlWorkspaceStore(dir.resolve("again.yaml"));
        store.save(ws);
        assertThat(loaded(store.load())).isEqualTo(ws);

        Application.HostService plain = new Application.HostService("/srv/x", "true", null);
        assertThat(plain.effectiveBatches()).isEqualTo(new Application.Batches(1, 50, 0));
        assertThat(plain.effectiveHealthCheck()).isEqualTo(new Application.HealthCheck(5, 10, 2));
        assertThat(plain.effectiveKeepReleases()).isEqualTo(5);
        assertThat(YamlWorkspaceStore.render(new Workspace(List.of(), List.of(new Application("x", null, plain)))))
                .doesNotContain("shared").doesNotContain("batches").doesNotContain("keepReleases");
    }

    @Test
    void badHostServiceSettingsAreNamedWhereTheyAre() throws IOException {
        WorkspaceError shared = errorFor("""
                applications:
                  - name: shop
                    hosts: { deployRoot: /srv/shop, shared: [logs, ../etc] }
                """);
        assertThat(shared.message()).startsWith("applications[0].hosts.shared[1]: shared path '../etc' must be relative");
        WorkspaceError keep = errorFor("applications:\n  - name: shop\n    hosts: { deployRoot: /srv/shop, keepReleases: 1 }\n");
        assertThat(keep.message()).startsWith("applications[0].hosts.keepReleases: keepReleases 1 must be between 2 and 100");
        WorkspaceError percent = errorFor("applications:\n  - name: shop\n    hosts: { deployRoot: /srv/shop, batches: { percent: 0 } }\n");
        assertThat(percent.message()).isEqualTo("applications[0].hosts.batches.percent: 0 is not between 1 and 100 (percent of the hosts in the second batch)");
        WorkspaceError unknown = errorFor("applications:\n  - name: shop\n    hosts: { deployRoot: /srv/shop, healthCheck: { tries: 3 } }\n");
        assertThat(unknown.message()).contains("unknown field 'tries'");
        WorkspaceError root = errorFor("applications:\n  - name: shop\n    hosts: { deployRoot: / }\n");
        assertThat(root.message()).contains("deployRoot '/' must be a directory below /");
    }

    @Test
    void versionsAndReleaseIdsFollowOneStrictPattern() {
        assertThat(WorkspaceRules.versionProblem("1.4.2")).isEmpty();
        assertThat(WorkspaceRules.versionProblem("2.0.0-rc.1+build.7")).isEmpty();
        assertThat(WorkspaceRules.versionProblem("1.0;rm -rf /")).get().asString()
                .startsWith("version '1.0;rm -rf /' may use only letters, digits");
        assertThat(WorkspaceRules.versionProblem("$(reboot)")).isPresent();
        assertThat(WorkspaceRules.versionProblem("")).isPresent();
        assertThat(WorkspaceRules.releaseIdProblem("20261127-114500-1.4.2")).isEmpty();
        assertThat(WorkspaceRules.releaseIdProblem("..")).isPresent();
        assertThat(WorkspaceRules.releaseIdProblem("a/b")).isPresent();
        assertThat(WorkspaceRules.releaseIdProblem("x'y")).isPresent();
    }

    @Test
    void saveCreatesParentDirectoriesAndNoBackupForANewFile() throws IOException {
        Path file = dir.resolve("a/b/workspace.yaml");
        new YamlWorkspaceStore(file).save(small());
        assertThat(loaded(new YamlWorkspaceStore(file).load())).isEqualTo(small());
        assertThat(filesIn(file.getParent())).containsExactly("workspace.yaml");
    }

    @Test
    void saveKeepsExactlyOneBackupWithThePreviousContent() throws IOException {
        Path file = dir.resolve("workspace.yaml");
        YamlWorkspaceStore store = new YamlWorkspaceStore(file);
        Workspace two = new Workspace(List.of(new Environment("two", Tier.STAGING, null, false, List.of(), List.of())), List.of());
        Workspace three = new Workspace(List.of(new Environment("three", Tier.PRODUCTION, null, true, List.of(), List.of())), List.of());

        store.save(small());
        String oneText = Files.readString(file);
        store.save(two);
        assertThat(Files.readString(dir.resolve("workspace.yaml.bak"))).isEqualTo(oneText);
        String twoText = Files.readString(file);
        store.save(three);

        assertThat(Files.readString(dir.resolve("workspace.yaml.bak"))).isEqualTo(twoText);
        assertThat(loaded(store.load())).isEqualTo(three);
        assertThat(filesIn(dir)).containsExactly("workspace.yaml", "workspace.yaml.bak");
    }

    @Test
    void savingAnInvalidWorkspaceThrowsAndLeavesTheFileUntouched() throws IOException {
        Path file = sample();
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(file, old);
        byte[] before = Files.readAllBytes(file);
        Workspace bad = new Workspace(List.of(
                new Environment("shop", Tier.STAGING, null, false, List.of(), List.of()),
                new Environment("shop", null, "red", false, List.of(), List.of())), List.of());

        assertThatThrownBy(() -> new YamlWorkspaceStore(file).save(bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("environments[1].tier: tier is required")
                .hasMessageContaining("colour 'red'")
                .hasMessageContaining("environment 'shop' is defined twice");

        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(old);
        assertThat(filesIn(dir)).containsExactly("workspace.yaml");
    }

    @Test
    void aFailedSaveLeavesTheOldFileAndNoTemporaryFiles() throws IOException {
        Path file = sample();
        byte[] before = Files.readAllBytes(file);
        // A non-empty directory where the backup goes makes the save fail half-way.
        Files.createDirectories(dir.resolve("workspace.yaml.bak/blocker"));

        assertThatThrownBy(() -> new YamlWorkspaceStore(file).save(small())).isInstanceOf(IOException.class);

        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(filesIn(dir)).containsExactly("workspace.yaml", "workspace.yaml.bak");
    }

    @Test
    void saveThroughASymlinkReplacesTheTarget() throws IOException {
        Path real = Files.createDirectories(dir.resolve("dotfiles")).resolve("workspace.yaml");
        new YamlWorkspaceStore(real).save(small());
        Path link = Files.createSymbolicLink(dir.resolve("workspace.yaml"), real);
        Workspace other = new Workspace(List.of(), small().applications());

        new YamlWorkspaceStore(link).save(other);

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(loaded(new YamlWorkspaceStore(real).load())).isEqualTo(other);
    }

    private static List<String> filesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
