package org.anomalyforge.jobs.generator;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import org.anomalyforge.jobs.cli.ForgeVersion;
import org.anomalyforge.jobs.cli.TextTable;
import org.anomalyforge.jobs.spark.SparkSessions;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code forge generator train-masks}: SeaS stage 2 (refined mask prediction) on a fine-tuned run, in a Spark task. */
@Command(name = "train-masks", mixinStandardHelpOptions = true,
        description = {"Train the refined mask prediction branch (SeaS stage 2) of a fine-tuned SeaS run on the same "
                + "few-shot shots and normal images, with the generator frozen; then recalibrate its batch norms.",
                "The data must be the stage-1 run's: pass the same --data and --max-shots as for 'forge generator "
                        + "finetune' (checked against the run's split.json). The result is a new run "
                        + "<store>/<product>/seas/<run-id>/ whose images come with masks."},
        footer = {"", "Examples:", "  forge generator train-masks --model models/tile/seas/<run-id> --data data/sample",
                "  forge generator train-masks --model models/magnetic_tile/seas/<run-id> --data "
                        + "../shared/data/magnetic_tile --max-shots 3 --steps 400"})
public final class TrainMasksCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "RUN", description = "stage-1 SeaS run folder")
    Path model;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "dataset (MVTec layout) the run was "
            + "fine-tuned on")
    Path data;

    @Option(names = "--max-shots", paramLabel = "K", description = "the --max-shots of 'generator finetune'")
    Integer maxShots;

    @Option(names = "--steps", defaultValue = "0", description = "optimiser steps (default: the profile's, 80·T for "
            + "tiny with T defect types)")
    int steps;

    @Option(names = "--recalibration-batches", defaultValue = "0", paramLabel = "N",
            description = "BN recalibration batches after training (default: the profile's; negative: off)")
    int recalibrationBatches;

    @Option(names = "--seed", defaultValue = "42", description = "seed of stage 2 (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--store", paramLabel = "DIR", description = "model store (default: the one holding --model, "
            + "<store>/<product>/seas/<run-id>)")
    Path store;

    @Option(names = "--master", description = "Spark master (default: spark-submit's, else local[*])")
    String master;

    @Override
    public Integer call() throws Exception {
        if (maxShots != null && maxShots < 1) {
            throw new ParameterException(spec.commandLine(), "--max-shots must be at least 1, got " + maxShots);
        }
        SeasMaskTrainingJob.Options options;
        try {
            options = new SeasMaskTrainingJob.Options(model, data, store != null ? store : storeOf(model),
                    maxShots == null ? OptionalInt.empty() : OptionalInt.of(maxShots), steps, recalibrationBatches,
                    seed, ForgeVersion.version());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        SparkSession spark = SparkSessions.start("forge generator train-masks", master);
        try {
            print(spec.commandLine().getOut(), SeasMaskTrainingJob.run(spark, options));
            return 0;
        } finally {
            spark.stop();
        }
    }

    /** The store holding a run folder {@code <store>/<product>/seas/<run-id>}. */
    static Path storeOf(Path run) {
        Path dir = run.toAbsolutePath().normalize();
        Path store = dir.getParent() == null || dir.getParent().getParent() == null ? null
                : dir.getParent().getParent().getParent();
        if (store == null || !dir.getParent().getFileName().toString().equals("seas")) {
            throw new IllegalArgumentException("--model " + run + " is not a model-store run folder "
                    + "<store>/<product>/seas/<run-id>; pass --store");
        }
        return store;
    }

    public static void print(PrintWriter w, SeasMaskTrainingJob.Trained r) {
        TextTable t = new TextTable("product", "shots", "normals", "steps", "loss term", "first", "last");
        r.firstLast().forEach((term, v) -> t.row(r.product(), r.anomalies(), r.normals(), r.steps(), term,
                String.format(Locale.ROOT, "%.4f", v[0]), String.format(Locale.ROOT, "%.4f", v[1])));
        w.println();
        w.print(t);
        Map.Entry<String, double[]> focal = finalFocal(r.firstLast());
        if (focal != null) {
            w.println(String.format(Locale.ROOT, "Final focal loss (%s): %.4f", focal.getKey(), focal.getValue()[1]));
        }
        w.println("Model " + r.product() + " with masks (parent " + r.parentRunId() + "): " + r.runDir());
        w.flush();
    }

    /** The stage-2 focal loss: {@code stage2.total} (full + coarse resolution), else the first term named focal. */
    static Map.Entry<String, double[]> finalFocal(Map<String, double[]> firstLast) {
        if (firstLast.containsKey("stage2.total")) {
            return Map.entry("stage2.total", firstLast.get("stage2.total"));
        }
        return firstLast.entrySet().stream().filter(e -> e.getKey().contains("focal")).findFirst().orElse(null);
    }
}
