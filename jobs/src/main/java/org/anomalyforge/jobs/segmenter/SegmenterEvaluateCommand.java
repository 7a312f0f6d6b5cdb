package org.anomalyforge.jobs.segmenter;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.anomalyforge.jobs.spark.SparkSessions;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code forge segmenter evaluate}: score the held-out split, write metrics.json and scores.parquet. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Score the held-out split of the few-shot protocol (the last n − ⌊n/3⌋ images per defect type "
                + "and test/good) with a trained LFD run, as a Spark job.",
                "Writes <out>/metrics.json and <out>/scores.parquet and prints the metrics per product and defect "
                        + "type (each type with the product's good images; 'all' = everything)."},
        footer = {"", "Example:", "  forge segmenter evaluate --data data/sample --model models/unified/lfd/<run-id>"})
public final class SegmenterEvaluateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "dataset (MVTec layout)")
    Path data;

    @Option(names = "--model", required = true, paramLabel = "RUN", description = "model-store run folder")
    Path model;

    @Option(names = "--products", split = ",", paramLabel = "NAME", description = "products (default: all)")
    List<String> products = List.of();

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: <store>/<model>/lfd-eval/<run-id>-<time>)")
    Path out;

    @Option(names = "--batch", defaultValue = "8", description = "inference batch size (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--partitions", defaultValue = "0", description = "Spark partitions (default: as read)")
    int partitions;

    @Option(names = "--master", description = "Spark master (default: spark-submit's, else local[*])")
    String master;

    @Override
    public Integer call() throws Exception {
        // Beside the model kind, never inside it: a folder under <model>/lfd/ would look like a run.
        Path target = out != null ? out : model.toAbsolutePath().getParent().resolveSibling("lfd-eval")
                .resolve(model.getFileName() + "-" + java.time.LocalDateTime.now()
                        .format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        SparkSession spark = SparkSessions.start("forge segmenter evaluate", master);
        try {
            SegmenterEvaluateJob.Report report = SegmenterEvaluateJob.run(spark,
                    new SegmenterEvaluateJob.Options(data, model, products, target, batch, partitions));
            var w = spec.commandLine().getOut();
            w.println();
            w.print(MetricsTable.of(report.metrics()));
            w.println(report.images() + " held-out images scored; metrics in " + target.resolve("metrics.json")
                    + ", per-image scores in " + target.resolve("scores.parquet"));
            w.flush();
            return 0;
        } finally {
            spark.stop();
        }
    }
}
