package org.anomalyforge.jobs.generator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import org.anomalyforge.generator.FinetuneResult;
import org.anomalyforge.generator.Seas;
import org.anomalyforge.generator.SeasFinetuneOptions;
import org.anomalyforge.generator.SeasFinetuneRequest;
import org.anomalyforge.generator.ShotImage;
import org.anomalyforge.ingest.dataset.Dataset;
import org.anomalyforge.ingest.dataset.MvtecDatasetReader;
import org.anomalyforge.ingest.dataset.Product;
import org.anomalyforge.jobs.segmenter.TrainingInputs;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * SeaS fine-tuning as a Spark job: one model per product, each in its own task (stage 0 for tiny, then
 * stage 1). The inputs are the product's few-shot training shots with masks and its train/good
 * normals, read by the executors. Training holds a JVM-wide lock (one GradientCollector per JVM), so in
 * local mode products train one after another; on a cluster each task should take a whole executor.
 */
public final class SeasFinetuneJob {

    public record Options(Path data, Path store, List<String> products, OptionalInt maxShots,
                          SeasFinetuneOptions finetune, String codeVersion) {
        public Options {
            Objects.requireNonNull(data, "data");
            Objects.requireNonNull(store, "store");
            products = List.copyOf(products);
        }
    }

    /** One fine-tuned product: its run and the first/last logged value of each loss term. */
    public record Finetuned(String product, String runDir, int anomalies, int normals, long steps,
                            Map<String, double[]> firstLast) {}

    static final StructType RESULT = new StructType()
            .add("product", DataTypes.StringType).add("run_dir", DataTypes.StringType)
            .add("anomalies", DataTypes.IntegerType).add("normals", DataTypes.IntegerType)
            .add("steps", DataTypes.LongType).add("losses", DataTypes.StringType);

    private SeasFinetuneJob() {}

    public static List<Finetuned> run(SparkSession spark, Options o) throws IOException {
        Dataset dataset = new MvtecDatasetReader().read(o.data());
        List<Product> products = GeneratorInputs.select(dataset, o.products());
        org.apache.spark.sql.Dataset<Row> inputs = TrainingInputs.load(spark, products, null, o.maxShots(), List.of());
        String store = o.store().toAbsolutePath().toString();
        SeasSettings settings = SeasSettings.of(o.finetune());
        String version = o.codeVersion();
        MapFunction<Row, String> key = r -> r.getString(0);
        FlatMapGroupsFunction<String, Row, Row> train = (product, rows) -> finetuneOne(product, rows, store, settings,
                version);
        // Results sorted on the driver: an orderBy would make Spark sample the result first and train twice.
        List<Row> rows = new ArrayList<>(inputs.groupByKey(key, Encoders.STRING())
                .flatMapGroups(train, Encoders.row(RESULT)).collectAsList());
        rows.sort(Comparator.comparing(r -> r.getString(0)));
        List<Finetuned> out = new ArrayList<>();
        for (Row r : rows) {
            out.add(new Finetuned(r.getString(0), r.getString(1), r.getInt(2), r.getInt(3), r.getLong(4),
                    LossSummary.parse(r.getString(5))));
        }
        return out;
    }

    private static Iterator<Row> finetuneOne(String product, Iterator<Row> rows, String store, SeasSettings settings,
                                             String version) {
        SeasTrainingRows data = SeasTrainingRows.of(rows);
        List<ShotImage> anomalies = data.anomalies();
        List<byte[]> normals = data.normals();
        FinetuneResult result;
        try (ProgressBarFinetune progress = new ProgressBarFinetune(product)) {
            result = Seas.finetune(new SeasFinetuneRequest(product, anomalies, normals, settings.toOptions(),
                    Path.of(store), version), progress);
        } catch (IOException e) {
            throw new UncheckedIOException("fine-tuning SeaS for '" + product + "' failed: " + e.getMessage(), e);
        }
        return List.of(RowFactory.create(product, result.runDir().toString(), anomalies.size(), normals.size(),
                result.steps(), LossSummary.format(result.lossCurves()))).iterator();
    }
}
