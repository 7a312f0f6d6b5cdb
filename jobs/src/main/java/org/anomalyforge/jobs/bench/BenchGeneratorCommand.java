package org.anomalyforge.jobs.bench;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.anomalyforge.generator.bench.BenchmarkRow;
import org.anomalyforge.generator.bench.BenchmarkSettings;
import org.anomalyforge.generator.bench.SeasBenchmark;
import org.anomalyforge.jobs.cli.TextTable;
import org.anomalyforge.jobs.spark.TorchThreads;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code forge bench generator}: SeaS tiny fine-tune steps/s and sampling images/s. */
@Command(name = "generator", mixinStandardHelpOptions = true,
        description = "SeaS (tiny profile) speed on this machine: stage-0 and stage-1 fine-tuning steps/s and "
                + "sampling images/s at batch 1 and 4 (DPM-Solver++ 2M), after warm-up.",
        footer = {"", "Example:", "  forge bench generator --size 64 --steps 10"})
public final class BenchGeneratorCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--size", defaultValue = "64", description = "image size, multiple of 32 (default: ${DEFAULT-VALUE})")
    int size;

    @Option(names = "--steps", defaultValue = "10", description = "measured training steps per stage (default: ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--warmup", defaultValue = "2", description = "warm-up steps (default: ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--sampler-steps", defaultValue = "25", description = "denoising steps per image (default: ${DEFAULT-VALUE})")
    int samplerSteps;

    @Override
    public Integer call() throws Exception {
        TorchThreads.configureFor(1);          // one process, one task: libtorch may use every core
        List<BenchmarkRow> rows = SeasBenchmark.run(new BenchmarkSettings(size, warmup, steps, samplerSteps, 7));
        TextTable t = new TextTable("measure", "value", "unit", "note");
        for (BenchmarkRow r : rows) {
            // three significant digits below 0.01, so a ratio such as SeaS ÷ Perlin does not print as 0.003
            String format = r.value() != 0 && Math.abs(r.value()) < 0.01 ? "%.3g" : "%.3f";
            t.row(r.name(), String.format(Locale.ROOT, format, r.value()), r.unit(), r.note());
        }
        PrintWriter w = spec.commandLine().getOut();
        w.print(t);
        w.println(Runtime.getRuntime().availableProcessors() + " cores; tiny profile at " + size + "×" + size + ".");
        w.flush();
        return 0;
    }
}
