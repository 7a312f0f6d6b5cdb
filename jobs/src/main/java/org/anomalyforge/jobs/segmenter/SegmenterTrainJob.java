package org.anomalyforge.jobs.segmenter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import org.anomalyforge.ingest.dataset.Dataset;
import org.anomalyforge.ingest.dataset.MvtecDatasetReader;
import org.anomalyforge.ingest.dataset.Product;
import org.anomalyforge.jobs.generator.GeneratorInputs;
import org.anomalyforge.segmenter.Lfd;
import org.anomalyforge.segmenter.LfdTrainRequest;
import org.anomalyforge.segmenter.SampleOrigin;
import org.anomalyforge.segmenter.TrainResult;
import org.anomalyforge.segmenter.TrainingSample;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Trains LFD as a Spark job: the training DataFrame of {@link TrainingInputs} is grouped by model key
 * (one unified model, or one per product) and each group trains in one task.
 *
 * <p>DJL allows one open GradientCollector per JVM, so {@code Lfd.train} holds a JVM-wide lock: in local
 * mode groups train one after another; on a cluster give each training task a whole executor
 * ({@code spark.task.cpus} = executor cores) so groups train in parallel on different executors.
 */
public final class SegmenterTrainJob {

    /** The model key of one model trained on all selected products (SeaS protocol). */
    public static final String UNIFIED = "unified";

    public record Options(Path data, List<Path> pairs, Path store, List<String> products, boolean perProduct,
                          OptionalInt maxShots, TrainSettings settings, String codeVersion) {
        public Options {
            Objects.requireNonNull(data, "data");
            Objects.requireNonNull(store, "store");
            pairs = List.copyOf(pairs);
            products = List.copyOf(products);
        }
    }

    /** One trained model: where it is and what validation chose. */
    public record Trained(String model, String runDir, int samples, int generated, int realShots, int normals,
                          int selectedEpoch, double valPixelAp, double tauPixel, double tauImage, long iterations,
                          double firstLoss, double lastLoss) {}

    static final StructType RESULT = new StructType()
            .add("model", DataTypes.StringType).add("run_dir", DataTypes.StringType)
            .add("samples", DataTypes.IntegerType).add("generated", DataTypes.IntegerType)
            .add("real_shots", DataTypes.IntegerType).add("normals", DataTypes.IntegerType)
            .add("selected_epoch", DataTypes.IntegerType).add("val_pixel_ap", DataTypes.DoubleType)
            .add("tau_pixel", DataTypes.DoubleType).add("tau_image", DataTypes.DoubleType)
            .add("iterations", DataTypes.LongType)
            .add("first_loss", DataTypes.DoubleType).add("last_loss", DataTypes.DoubleType);

    private SegmenterTrainJob() {}

    public static List<Trained> run(SparkSession spark, Options o) throws IOException {
        Dataset dataset = new MvtecDatasetReader().read(o.data());
        List<Product> products = GeneratorInputs.select(dataset, o.products());
        String unified = o.perProduct() ? null : UNIFIED;
        org.apache.spark.sql.Dataset<Row> inputs =
                TrainingInputs.load(spark, products, unified, o.maxShots(), o.pairs());

        String store = o.store().toAbsolutePath().toString();
        TrainSettings settings = o.settings();
        String version = o.codeVersion();
        MapFunction<Row, String> key = r -> r.getString(0);
        FlatMapGroupsFunction<String, Row, Row> train = (model, rows) -> trainOne(model, rows, store, settings, version);
        // No orderBy here: a sort would make Spark sample the result first (RangePartitioner), which
        // runs the training tasks twice. The few result rows are sorted on the driver instead.
        List<Row> rows = new ArrayList<>(inputs.groupByKey(key, Encoders.STRING())
                .flatMapGroups(train, Encoders.row(RESULT)).collectAsList());
        rows.sort(java.util.Comparator.comparing(r -> r.getString(0)));
        List<Trained> out = new ArrayList<>();
        for (Row r : rows) {
            out.add(new Trained(r.getString(0), r.getString(1), r.getInt(2), r.getInt(3), r.getInt(4), r.getInt(5),
                    r.getInt(6), r.getDouble(7), r.getDouble(8), r.getDouble(9), r.getLong(10), r.getDouble(11),
                    r.getDouble(12)));
        }
        return out;
    }

    private static Iterator<Row> trainOne(String model, Iterator<Row> rows, String store, TrainSettings settings,
                                          String version) {
        List<TrainingSample> samples = new ArrayList<>();
        int[] byOrigin = new int[SampleOrigin.values().length];
        while (rows.hasNext()) {
            Row r = rows.next();
            SampleOrigin origin = SampleOrigin.valueOf(r.getString(2));
            byOrigin[origin.ordinal()]++;
            samples.add(new TrainingSample(r.getString(1), origin, r.isNullAt(3) ? null : r.getString(3),
                    (byte[]) r.get(4), r.isNullAt(5) ? null : (byte[]) r.get(5)));
        }
        samples.sort(java.util.Comparator.comparing(TrainingSample::id));   // input order must not depend on shuffles
        TrainResult result;
        try (ProgressBarTraining progress = new ProgressBarTraining(model)) {
            result = Lfd.train(new LfdTrainRequest(model, samples, settings.toOptions(), Path.of(store), version),
                    progress);
        } catch (IOException e) {
            throw new UncheckedIOException("training model '" + model + "' failed: " + e.getMessage(), e);
        }
        List<Double> curve = result.lossCurve();
        return List.of(RowFactory.create(model, result.runDir().toString(), samples.size(),
                byOrigin[SampleOrigin.GENERATED.ordinal()], byOrigin[SampleOrigin.REAL_SHOT.ordinal()],
                byOrigin[SampleOrigin.NORMAL.ordinal()], result.selectedEpoch(), result.valPixelAp(),
                (double) result.tauPixel(), (double) result.tauImage(), result.iterations(),
                curve.isEmpty() ? Double.NaN : curve.get(0), curve.isEmpty() ? Double.NaN : curve.get(curve.size() - 1)))
                .iterator();
    }
}
