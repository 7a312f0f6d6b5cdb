package org.anomalyforge.jobs.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.anomalyforge.jobs.cli.ForgeExceptionHandler;
import org.anomalyforge.jobs.clips.ClipsCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Runs the benchmark on tiny clips; checks the table's rows and the comparison line, never the timings. */
class BenchTrokensCommandTest {

    @TempDir
    Path tmp;

    private record Run(int exitCode, String out, String err) {}

    private static Run run(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(command).setExecutionExceptionHandler(new ForgeExceptionHandler())
                .setCaseInsensitiveEnumValuesAllowed(true);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return new Run(cli.execute(args), out.toString(), err.toString());
    }

    private static final String NUMBER = "\\s+[0-9.]+";

    private static boolean hasRow(List<String> lines, String mode, int m) {
        return lines.stream().anyMatch(l -> l.matches(mode + "\\s+" + m + NUMBER.repeat(9)));
    }

    @Test
    void generatedClipsGiveOneRowPerModeAndPointCount() {
        Run r = run(new BenchTrokensCommand(), "--n-clips", "2", "--points", "8,16", "--size", "96x64", "--frames",
                "10");
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.out().lines().map(String::strip).toList();
        assertTrue(lines.get(0).matches("mode\\s+M\\s+clips/s\\s+ms/clip\\s+points tracked/s\\s+encode\\s+cluster"
                + "\\s+select\\s+track\\s+motion\\s+vs grid"), r.out());
        // Header, rule, then grid and semantic at each M, in that order.
        assertTrue(lines.get(2).startsWith("grid") && lines.get(3).startsWith("semantic")
                && lines.get(4).startsWith("grid") && lines.get(5).startsWith("semantic"), r.out());
        assertTrue(hasRow(lines, "grid", 8), r.out());
        assertTrue(hasRow(lines, "semantic", 8), r.out());
        assertTrue(hasRow(lines, "grid", 16), r.out());
        assertTrue(hasRow(lines, "semantic", 16), r.out());
        assertTrue(lines.stream().anyMatch(l -> l.matches("grid\\s+8" + NUMBER.repeat(8) + "\\s+1\\.00")), r.out());
        assertTrue(r.out().contains("semantic@8 vs grid@16: "), r.out());
        assertTrue(r.out().contains("2 clip(s) generated 96×64, 10 frames at 10.0 fps, seed 7; tracker "), r.out());
    }

    @Test
    void clipsFromASynthesisedFolderAreReadThroughTheManifest() {
        Path clips = tmp.resolve("clips");
        Run synth = run(new ClipsCommand(), "synth", "--out", clips.toString(), "--classes", "reject_down",
                "--per-class", "2", "--size", "96x64", "--frames", "10", "--split", "test");
        assertEquals(0, synth.exitCode(), synth.err());
        Run r = run(new BenchTrokensCommand(), "--clips", clips.toString(), "--n-clips", "5", "--points", "8",
                "--modes", "grid");
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.out().lines().map(String::strip).toList();
        assertEquals(1, lines.stream().filter(l -> l.matches("grid\\s+8" + NUMBER.repeat(9))).count(), r.out());
        assertTrue(lines.stream().noneMatch(l -> l.startsWith("semantic")), r.out());
        assertTrue(r.out().contains("No semantic mode in --modes; nothing to compare with grid."), r.out());
        assertTrue(r.out().contains("2 clip(s) " + clips.resolve("manifest.csv")), r.out());
    }

    @Test
    void badModeAndPointsAreUsageErrors() {
        Run mode = run(new BenchTrokensCommand(), "--modes", "semantic,optical");
        assertEquals(2, mode.exitCode(), mode.err());
        assertTrue(mode.err().contains("--modes: unknown mode 'optical', expected one of semantic, kmeans, grid"),
                mode.err());
        Run points = run(new BenchTrokensCommand(), "--points", "32,0");
        assertEquals(2, points.exitCode());
        assertTrue(points.err().contains("--points values must be >= 1, got 0"), points.err());
        Run missing = run(new BenchTrokensCommand(), "--clips", tmp.resolve("nothing").toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("--clips " + tmp.resolve("nothing") + " is not a folder"), missing.err());
    }
}
