package org.anomalyforge.jobs.demo;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import org.anomalyforge.ingest.dataset.Dataset;
import org.anomalyforge.ingest.dataset.DatasetValidator;
import org.anomalyforge.ingest.dataset.MvtecDatasetReader;
import org.anomalyforge.ingest.dataset.ValidationReport;
import org.anomalyforge.ingest.image.ImageCodec;
import org.anomalyforge.ingest.sample.SampleSpec;
import org.anomalyforge.jobs.cli.Progress;
import org.anomalyforge.jobs.cli.WorkFailedException;
import org.anomalyforge.jobs.dataset.DatasetSampleCommand;
import org.anomalyforge.jobs.dataset.DatasetSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code forge demo}: the whole pipeline on embedded defaults, every stage real, sized for minutes on
 * a laptop. Each run writes into its own time-stamped folder so earlier runs are never overwritten.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the pipeline end to end on a generated sample dataset: sample products → validation "
                + "and few-shot split.", "Every stage is real; outputs go to a new folder under --work."},
        footer = {"", "Examples:", "  forge demo", "  forge demo --work /tmp/forge --seed 11"})
public final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--work", defaultValue = "forge-work/demo", paramLabel = "DIR",
            description = "parent folder of the run folder (default: ${DEFAULT-VALUE})")
    Path work;

    @Option(names = "--seed", defaultValue = "7", description = "seed for every random choice (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--size", defaultValue = "256", description = "sample image size, 128..512 (default: ${DEFAULT-VALUE})")
    int size;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        long started = System.nanoTime();
        Path run = work.resolve("run-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        if (Files.exists(run)) {
            throw new WorkFailedException(run + " already exists; wait a second and run again");
        }
        Path data = run.resolve("data");
        out.println("AnomalyForge demo → " + run.toAbsolutePath());
        out.flush();

        stage(out, 1, "sample products (procedural, seed " + seed + ")");
        SampleSpec sample = SampleSpec.defaults().withSeed(seed).withSize(size);
        DatasetSampleCommand.write(data, sample);
        out.println("   " + sample.totalImages() + " images of " + sample.products().size() + " products in " + data);

        stage(out, 2, "validate the dataset and apply the few-shot split");
        Dataset dataset = new MvtecDatasetReader().read(data);
        ValidationReport report;
        try (Progress progress = Progress.start("check", DatasetSummary.fileCount(dataset), "file")) {
            report = new DatasetValidator(ImageCodec.withDefaults()).validate(dataset, progress::stepTo);
        }
        out.print(DatasetSummary.splitTable(report, OptionalInt.empty()));
        out.println("   " + DatasetSummary.closingLine(report));
        if (!report.ok()) {
            report.errors().forEach(e -> out.println("   " + e));
            throw new WorkFailedException("the generated sample dataset failed validation: " + report.errors().size()
                    + " error(s)");
        }

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        out.println();
        out.println("Demo finished in " + took.toSeconds() + " s. Outputs: " + run.toAbsolutePath());
        out.flush();
        return 0;
    }

    private static void stage(PrintWriter out, int n, String what) {
        out.println();
        out.println("[" + n + "] " + what);
        out.flush();
    }
}
