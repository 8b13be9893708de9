package dev.wheelhouse.app.cli;

import dev.wheelhouse.core.workspace.Environment;
import dev.wheelhouse.core.workspace.HostRef;
import dev.wheelhouse.core.workspace.KubeTarget;
import dev.wheelhouse.core.workspace.WorkspaceLoad;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `wheelhouse envs`: the workspace's environments with tier, targets and hosts. */
@Command(name = "envs", mixinStandardHelpOptions = true, description = "List the environments of the workspace.")
final class EnvsCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table or json (default: ${DEFAULT-VALUE}).")
    ListFormat format;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        WorkspaceLoad load = global.services().workspace().load();
        List<Environment> envs;
        switch (load) {
            case WorkspaceLoad.Invalid invalid -> {
                err.println("wheelhouse: " + invalid.error().describe());
                return ExitCodes.BAD_INPUT;
            }
            case WorkspaceLoad.Missing missing -> {
                err.println("wheelhouse: no workspace yet at " + missing.file()
                        + " (open the console to have environments proposed from your kubeconfig and ssh config)");
                envs = List.of();
            }
            case WorkspaceLoad.Loaded loaded -> envs = loaded.workspace().environments();
        }
        if (format == ListFormat.json) {
            out.println(Json.write(envs.stream().map(EnvsCommand::asJson).toList()));
        } else {
            TextTable table = new TextTable("NAME", "TIER", "READ-ONLY", "KUBERNETES", "HOSTS");
            for (Environment env : envs) {
                table.row(env.name(), env.tier().id(), env.readOnly() ? "yes" : "no",
                        env.kubeTargets().stream().map(KubeTarget::describe).collect(Collectors.joining("; ")),
                        env.hosts().stream().map(HostRef::alias).collect(Collectors.joining(", ")));
            }
            table.print(out);
        }
        out.flush();
        return ExitCodes.DONE;
    }

    private static Map<String, Object> asJson(Environment env) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", env.name());
        m.put("tier", env.tier().id());
        m.put("colour", env.effectiveColour());
        m.put("readOnly", env.readOnly());
        m.put("kubernetes", env.kubeTargets().stream()
                .map(t -> Map.of("context", t.context(), "namespaces", t.namespaces()))
                .toList());
        m.put("hosts", env.hosts().stream().map(EnvsCommand::hostJson).toList());
        return m;
    }

    private static Map<String, Object> hostJson(HostRef host) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("alias", host.alias());
        if (host.hostName() != null) {
            m.put("hostName", host.hostName());
        }
        if (host.port() != null) {
            m.put("port", host.port());
        }
        if (host.user() != null) {
            m.put("user", host.user());
        }
        return m;
    }
}
