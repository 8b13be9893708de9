package dev.wheelhouse.app.cli;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.wheelhouse.core.history.ChainVerification;
import dev.wheelhouse.core.history.HistoryQuery;
import dev.wheelhouse.core.history.HistoryStore;
import dev.wheelhouse.core.history.OperationRecord;
import dev.wheelhouse.core.history.StepRecord;
import dev.wheelhouse.ops.OpsInputException;
import dev.wheelhouse.ops.RunMarkers;
import dev.wheelhouse.ops.kube.KubePorts;
import dev.wheelhouse.ops.kube.KubeRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `wheelhouse history`: the journal of operations, newest first; `history verify` checks the chain. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = "List the journaled operations, newest first.",
        subcommands = {HistoryCommand.Verify.class, HistoryCommand.Recheck.class})
final class HistoryCommand implements Callable<Integer> {
    private static final List<String> COLUMNS = List.of(
            "id", "kind", "environment", "application", "target", "fromVersion", "toVersion",
            "operator", "reason", "started", "finished", "outcome", "interruptedAt", "linkedTo", "steps");

    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Option(names = "--env", paramLabel = "NAME", description = "Only this environment.")
    String environment;

    @Option(names = "--app", paramLabel = "NAME", description = "Only this application.")
    String application;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "At most N operations (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table, csv or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Override
    public Integer call() throws IOException {
        if (limit < 1) {
            spec.commandLine().getErr().println("wheelhouse history: --limit must be at least 1, not " + limit);
            return ExitCodes.BAD_INPUT;
        }
        List<OperationRecord> ops;
        try (HistoryStore history = global.services().history().get()) {
            ops = history.list(new HistoryQuery(environment, application, limit));
        }
        PrintWriter out = spec.commandLine().getOut();
        RunMarkers markers = RunMarkers.in(global.dataDir());
        switch (format) {
            case json -> out.println(Json.write(ops.stream().map(op -> asJson(op, markers)).toList()));
            case csv -> out.print(csv(ops, markers));
            case table -> {
                TextTable table = new TextTable("ID", "STARTED", "KIND", "ENV", "APP", "VERSION", "OUTCOME", "OPERATOR", "REASON");
                for (OperationRecord op : ops) {
                    table.row(String.valueOf(op.id()), text(op.started()), op.kind().id(), op.environment(),
                            op.application(), versions(op), outcome(op, markers), op.operator(), op.reason());
                }
                table.print(out);
                long interrupted = ops.stream().filter(markers::interrupted).count();
                if (interrupted > 0) {
                    out.println(interrupted + " interrupted: its process ended mid-operation;"
                            + " `wheelhouse history recheck ID` re-reads the rollout and finishes the record");
                }
            }
        }
        out.flush();
        return ExitCodes.DONE;
    }

    /** "succeeded", "interrupted at watch", "succeeded (undoes 12)". */
    private static String outcome(OperationRecord op, RunMarkers markers) {
        String text = markers.interrupted(op) ? "interrupted at " + (op.lastStep() == null ? "its start" : op.lastStep().name())
                : op.outcome().name().toLowerCase();
        return op.linkedTo() == null ? text : text + " (undoes " + op.linkedTo() + ")";
    }

    private static String versions(OperationRecord op) {
        if (op.fromVersion() == null && op.toVersion() == null) {
            return "";
        }
        return (op.fromVersion() == null ? "?" : op.fromVersion()) + " -> " + (op.toVersion() == null ? "?" : op.toVersion());
    }

    private static String text(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    private static Map<String, Object> asJson(OperationRecord op, RunMarkers markers) {
        Map<String, Object> m = flat(op, markers);
        m.put("steps", op.steps().stream().map(HistoryCommand::stepJson).toList());
        return m;
    }

    private static Map<String, Object> flat(OperationRecord op, RunMarkers markers) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", op.id());
        m.put("kind", op.kind().id());
        m.put("environment", op.environment());
        m.put("application", op.application());
        m.put("target", op.target());
        m.put("fromVersion", op.fromVersion());
        m.put("toVersion", op.toVersion());
        m.put("operator", op.operator());
        m.put("reason", op.reason());
        m.put("started", text(op.started()));
        m.put("finished", text(op.finished()));
        m.put("outcome", op.outcome().name().toLowerCase());
        m.put("interruptedAt", !markers.interrupted(op) ? null : op.lastStep() == null ? "" : op.lastStep().name());
        m.put("linkedTo", op.linkedTo());
        return m;
    }

    private static Map<String, Object> stepJson(StepRecord step) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sequence", step.sequence());
        m.put("name", step.name());
        m.put("started", text(step.started()));
        m.put("finished", text(step.finished()));
        m.put("status", step.status().name().toLowerCase());
        m.put("output", step.output());
        return m;
    }

    private static String csv(List<OperationRecord> ops, RunMarkers markers) throws IOException {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        COLUMNS.forEach(schema::addColumn);
        StringWriter buffer = new StringWriter();
        try (SequenceWriter writer = new CsvMapper().writer(schema.build()).writeValues(buffer)) {
            for (OperationRecord op : ops) {
                Map<String, Object> row = flat(op, markers);
                row.put("steps", op.steps().size());
                writer.write(row);
            }
        }
        return buffer.toString();
    }

    /**
     * `wheelhouse history recheck ID`: finishes the record of an operation whose process died
     * (re-reads the rollout; appends, never rewrites).
     */
    @Command(name = "recheck", mixinStandardHelpOptions = true,
            description = "Re-read the rollout of an interrupted operation and finish its record.")
    static final class Recheck implements Callable<Integer> {
        @Mixin
        GlobalOptions global;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "ID", description = "The operation (as listed by `wheelhouse history`).")
        long operationId;

        @Option(names = "--timeout", paramLabel = "SECONDS", converter = AtLeastOneSecond.class, defaultValue = "120",
                description = "How long to wait for a rollout still in progress (default: ${DEFAULT-VALUE}).")
        int timeoutSeconds;

        @Override
        public Integer call() {
            try (KubePorts ports = global.services().kubeOperations().open(global.kubeconfigFile());
                 HistoryStore history = global.services().history().get()) {
                KubeRun run = ports.operations(history, RunMarkers.in(global.dataDir()))
                        .recheck(operationId, java.time.Duration.ofSeconds(timeoutSeconds));
                spec.commandLine().getOut().println(run.summary());
                return run.result().outcome() == dev.wheelhouse.core.history.Outcome.FAILED ? ExitCodes.FAILED : ExitCodes.DONE;
            } catch (OpsInputException e) {
                spec.commandLine().getErr().println("wheelhouse history recheck: " + e.getMessage());
                return ExitCodes.BAD_INPUT;
            }
        }
    }

    /** `wheelhouse history verify`: re-computes the hash chain of the whole history. */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Check the history's hash chain; exit 1 naming the first record that does not match.")
    static final class Verify implements Callable<Integer> {
        @Mixin
        GlobalOptions global;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            ChainVerification result;
            try (HistoryStore history = global.services().history().get()) {
                result = history.verify();
            }
            if (result.intact()) {
                spec.commandLine().getOut().println("history intact: " + result.recordsChecked() + " records checked");
                return ExitCodes.DONE;
            }
            spec.commandLine().getErr().println("history broken at " + result.firstBadRecord() + ": " + result.detail()
                    + " (" + result.recordsChecked() + " records before it are intact)");
            return ExitCodes.FAILED;
        }
    }
}
