package org.anomalyforge.jobs.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import picocli.CommandLine;

/**
 * Turns a failure inside a command into exit code 1 and a message a user can act on.
 *
 * <p>Expected failures (bad files, bad arguments found while working) print their message only; the
 * stack trace is printed for anything else, or for every failure when {@code FORGE_DEBUG=1}.
 */
public final class ForgeExceptionHandler implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        Throwable shown = e instanceof UncheckedIOException u ? u.getCause() : e;
        boolean expected = shown instanceof IOException || shown instanceof IllegalArgumentException
                || shown instanceof WorkFailedException;
        cmd.getErr().println(cmd.getColorScheme().errorText("forge " + cmd.getCommandName() + ": " + shown.getMessage()));
        if (!expected || "1".equals(System.getenv("FORGE_DEBUG"))) {
            shown.printStackTrace(cmd.getErr());
        }
        return CommandLine.ExitCode.SOFTWARE;
    }
}
