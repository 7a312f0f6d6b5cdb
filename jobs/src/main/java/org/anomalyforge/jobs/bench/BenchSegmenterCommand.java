package org.anomalyforge.jobs.bench;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.anomalyforge.jobs.cli.TextTable;
import org.anomalyforge.segmenter.bench.LfdBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code forge bench segmenter}: LFD frames/s and GMAC/s per batch size, batch 1 as the baseline. */
@Command(name = "segmenter", mixinStandardHelpOptions = true,
        description = {"LFD inference throughput: eval-mode forwards of the real network at each batch size after "
                + "warm-up; frames/s, ms per frame, measured GMAC/s (1.161 GMAC per 256×256 frame), and speed-up "
                + "against batch 1 measured in the same run."},
        footer = {"", "Example:", "  forge bench segmenter --batches 1,8 --size 256 --seconds 10"})
public final class BenchSegmenterCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--batches", split = ",", defaultValue = "1,8", description = "batch sizes (default: ${DEFAULT-VALUE})")
    List<Integer> batches;

    @Option(names = "--size", defaultValue = "256", description = "input side, multiple of 32 (default: ${DEFAULT-VALUE})")
    int size;

    @Option(names = "--seconds", defaultValue = "10", description = "measuring time per batch size (default: ${DEFAULT-VALUE})")
    double seconds;

    @Option(names = "--warmup", defaultValue = "3", description = "warm-up forwards per batch size (default: ${DEFAULT-VALUE})")
    int warmup;

    @Override
    public Integer call() {
        List<LfdBenchmark.Row> rows = LfdBenchmark.run(batches, size, seconds, warmup);
        double baseline = rows.get(0).framesPerSecond();
        TextTable t = new TextTable("batch", "input", "forwards", "frames/s", "ms/frame", "GMAC/s",
                "vs batch " + rows.get(0).batch());
        for (LfdBenchmark.Row r : rows) {
            t.row(r.batch(), r.height() + "×" + r.width(), r.forwards(), fmt("%.2f", r.framesPerSecond()),
                    fmt("%.1f", r.msPerFrame()), fmt("%.2f", r.gmacsPerSecond()),
                    fmt("%.2f×", r.framesPerSecond() / baseline));
        }
        PrintWriter w = spec.commandLine().getOut();
        w.print(t);
        w.println(Runtime.getRuntime().availableProcessors() + " cores; libtorch CPU; " + seconds
                + " s per row after " + warmup + " warm-up forwards.");
        w.flush();
        return 0;
    }

    private static String fmt(String f, double v) {
        return String.format(Locale.ROOT, f, v);
    }
}
