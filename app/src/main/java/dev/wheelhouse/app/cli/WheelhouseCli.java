package dev.wheelhouse.app.cli;

import java.io.PrintWriter;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** Builds the picocli command line the same way for the launcher and for tests. */
public final class WheelhouseCli {
    private WheelhouseCli() {}

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new WheelhouseCommand());
        cli.setExecutionExceptionHandler(WheelhouseCli::onFailure);
        return cli;
    }

    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /**
     * A command that fails unexpectedly prints one line saying what failed, never a stack
     * trace; the trace goes to the log file for the bug report.
     */
    private static int onFailure(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        err.println("wheelhouse " + cli.getCommandName() + ": " + message);
        err.flush();
        LoggerFactory.getLogger(WheelhouseCli.class).error("{} failed", cli.getCommandName(), e);
        return e instanceof BadInputException || e instanceof IllegalArgumentException ? ExitCodes.BAD_INPUT : ExitCodes.FAILED;
    }
}
