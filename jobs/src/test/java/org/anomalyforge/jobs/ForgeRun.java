package org.anomalyforge.jobs;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the real {@code forge} command line in-process and captures its output and exit code. */
public record ForgeRun(int exitCode, String out, String err) {
    public static ForgeRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Forge.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new ForgeRun(code, out.toString(), err.toString());
    }
}
