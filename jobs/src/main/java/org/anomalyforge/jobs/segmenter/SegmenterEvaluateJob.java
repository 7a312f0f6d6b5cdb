package org.anomalyforge.jobs.segmenter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.anomalyforge.ingest.dataset.Dataset;
import org.anomalyforge.ingest.dataset.MvtecDatasetReader;
import org.anomalyforge.ingest.dataset.Product;
import org.anomalyforge.ingest.image.ImageCodec;
import org.anomalyforge.ingest.image.RgbImage;
import org.anomalyforge.jobs.generator.GeneratorInputs;
import org.anomalyforge.jobs.spark.ExecutorModels;
import org.anomalyforge.segmenter.inference.FrameResult;
import org.anomalyforge.segmenter.inference.LfdSegmenter;
import org.anomalyforge.segmenter.inference.LfdWorker;
import org.anomalyforge.segmenter.metrics.AnomalyMetrics;
import org.anomalyforge.segmenter.metrics.AnomalyMetricsAccumulator;
import org.anomalyforge.segmenter.metrics.MetricsConfig;
import org.anomalyforge.segmenter.inference.MaskRule;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Scores the held-out split with a trained LFD model as a Spark job and computes the anomaly metrics.
 *
 * <p>Inference runs in the executors, batched, with the model loaded once per executor. Each scored
 * image comes back with its probability map and ground-truth mask at the model's input size; the
 * driver streams them ({@code toLocalIterator}, one partition at a time) into fixed-bin metric
 * accumulators, so memory stays bounded whatever the size of the test set.
 */
public final class SegmenterEvaluateJob {

    public record Options(Path data, Path runDir, List<String> products, Path out, int batchSize, int partitions) {
        public Options {
            Objects.requireNonNull(data, "data");
            Objects.requireNonNull(runDir, "runDir");
            Objects.requireNonNull(out, "out");
            products = List.copyOf(products);
            if (batchSize < 1) {
                throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
            }
        }
    }

    /** Metrics per product: per defect type (its images plus the product's good images) and overall. */
    public record Report(String runDir, Map<String, Map<String, AnomalyMetrics>> metrics, long images) {}

    static final String ALL = "all";

    private static final StructType SCORED = new StructType()
            .add("product", DataTypes.StringType).add("id", DataTypes.StringType)
            .add("defect_type", DataTypes.StringType).add("gt_label", DataTypes.BooleanType)
            .add("pred_score", DataTypes.FloatType).add("pred_label", DataTypes.BooleanType)
            .add("defect_area_px", DataTypes.LongType)
            .add("anomaly_map", DataTypes.BinaryType).add("gt_mask", DataTypes.BinaryType);

    private SegmenterEvaluateJob() {}

    public static Report run(SparkSession spark, Options o) throws IOException {
        if (Files.exists(o.out().resolve("scores.parquet"))) {
            throw new IOException(o.out() + ": already holds an evaluation; choose a new --out");
        }
        String run = o.runDir().toAbsolutePath().toString();
        LfdSegmenter segmenter = ExecutorModels.segmenter(run);   // verifies the manifest before any work
        int height = segmenter.config().inputHeight();
        int width = segmenter.config().inputWidth();
        float tauPixel = segmenter.config().tauPixel();
        Dataset dataset = new MvtecDatasetReader().read(o.data());
        List<Product> products = GeneratorInputs.select(dataset, o.products());
        org.apache.spark.sql.Dataset<Row> heldOut = HeldOutImages.load(spark, products);
        if (o.partitions() > 0) {
            heldOut = heldOut.repartition(o.partitions());
        }

        int batch = o.batchSize();
        MapPartitionsFunction<Row, Row> score = rows -> new Scorer(rows, run, batch, width, height);
        Map<String, Map<String, AnomalyMetricsAccumulator>> acc = new TreeMap<>();
        List<Row> scores = new ArrayList<>();
        MetricsConfig config = MetricsConfig.histogram(tauPixel);
        Iterator<Row> it = heldOut.mapPartitions(score, Encoders.row(SCORED)).toLocalIterator();
        // Good images count in every defect type of their product; buffer them until all types are known.
        List<Row> goods = new ArrayList<>();
        while (it.hasNext()) {
            Row r = it.next();
            scores.add(RowFactory.create(r.get(0), r.get(1), r.get(2), r.get(3), r.get(4), r.get(5), r.get(6)));
            String product = r.getString(0);
            String type = r.getString(2);
            float[] map = floats((byte[]) r.get(7));
            byte[] gt = (byte[]) r.get(8);
            Map<String, AnomalyMetricsAccumulator> p = acc.computeIfAbsent(product, k -> new TreeMap<>());
            p.computeIfAbsent(ALL, k -> new AnomalyMetricsAccumulator(config))
                    .update(r.getFloat(4), r.getBoolean(3), map, gt, width, height);
            if (HeldOutImages.GOOD.equals(type)) {
                goods.add(r);
            } else {
                p.computeIfAbsent(type, k -> new AnomalyMetricsAccumulator(config))
                        .update(r.getFloat(4), r.getBoolean(3), map, gt, width, height);
            }
        }
        for (Row g : goods) {
            float[] map = floats((byte[]) g.get(7));
            for (Map.Entry<String, AnomalyMetricsAccumulator> e : acc.get(g.getString(0)).entrySet()) {
                if (!e.getKey().equals(ALL)) {
                    e.getValue().update(g.getFloat(4), false, map, (byte[]) g.get(8), width, height);
                }
            }
        }
        Map<String, Map<String, AnomalyMetrics>> metrics = new TreeMap<>();
        acc.forEach((product, types) -> {
            Map<String, AnomalyMetrics> m = new LinkedHashMap<>();
            types.forEach((type, a) -> {
                if (!type.equals(ALL)) {
                    m.put(type, a.compute());
                }
            });
            m.put(ALL, types.get(ALL).compute());
            metrics.put(product, m);
        });
        Files.createDirectories(o.out());
        spark.createDataFrame(scores, scoreSchema()).coalesce(1).write().mode(SaveMode.ErrorIfExists)
                .parquet(o.out().resolve("scores.parquet").toString());
        Report report = new Report(run, metrics, scores.size());
        MetricsJson.write(o.out().resolve(MetricsJson.FILE), report);
        return report;
    }

    private static StructType scoreSchema() {
        StructType s = new StructType();
        for (int i = 0; i < 7; i++) {
            s = s.add(SCORED.fields()[i]);
        }
        return s;
    }

    static float[] floats(byte[] bytes) {
        float[] f = new float[bytes.length / 4];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(f);
        return f;
    }

    static byte[] bytes(float[] floats) {
        ByteBuffer b = ByteBuffer.allocate(floats.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(floats);
        return b.array();
    }

    /** Scores one partition in batches with one worker; the segmenter is cached per executor JVM. */
    private static final class Scorer implements Iterator<Row> {
        private final Iterator<Row> rows;
        private final LfdWorker worker;
        private final int batch;
        private final int width;
        private final int height;
        private final ImageCodec codec = ImageCodec.withDefaults();
        private Iterator<Row> ready = java.util.Collections.emptyIterator();
        private boolean closed;

        Scorer(Iterator<Row> rows, String runDir, int batch, int width, int height) throws IOException {
            this.rows = rows;
            this.batch = batch;
            this.width = width;
            this.height = height;
            this.worker = rows.hasNext() ? ExecutorModels.segmenter(runDir).newWorker(batch, false) : null;
            if (worker != null && org.apache.spark.TaskContext.get() != null) {
                // Also on failure or early stop: the worker owns native buffers.
                org.apache.spark.TaskContext.get().addTaskCompletionListener(
                        (org.apache.spark.util.TaskCompletionListener) ctx -> closeWorker());
            }
        }

        private void closeWorker() {
            if (worker != null && !closed) {
                closed = true;
                worker.close();
            }
        }

        @Override
        public boolean hasNext() {
            if (!ready.hasNext() && rows.hasNext()) {
                ready = nextBatch().iterator();
            }
            if (!ready.hasNext()) {
                closeWorker();
            }
            return ready.hasNext();
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new java.util.NoSuchElementException();
            }
            return ready.next();
        }

        private List<Row> nextBatch() {
            List<Row> in = new ArrayList<>(batch);
            List<RgbImage> images = new ArrayList<>(batch);
            while (rows.hasNext() && in.size() < batch) {
                Row r = rows.next();
                try {
                    images.add(codec.decode((byte[]) r.get(3), r.getString(1)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                in.add(r);
            }
            List<FrameResult> results = worker.segment(images);
            List<Row> out = new ArrayList<>(in.size());
            for (int i = 0; i < in.size(); i++) {
                Row r = in.get(i);
                FrameResult f = results.get(i);
                byte[] gt = new byte[width * height];
                boolean label = false;
                if (!r.isNullAt(4)) {
                    try {
                        MaskRule.MaskTarget target =
                                MaskRule.target((byte[]) r.get(4), r.getString(1) + " (mask)", width, height);
                        gt = target.pixels();
                        label = target.label();        // anomalous ⇔ the source mask has a defect pixel (§5.2)
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                out.add(RowFactory.create(r.getString(0), r.getString(1), r.getString(2), label, f.score(), f.defect(),
                        f.defectAreaPx(), bytes(f.anomalyMap()), gt));
            }
            return out;
        }
    }
}
