package org.anomalyforge.jobs.generator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.anomalyforge.generator.FinetuneResult;
import org.anomalyforge.generator.Seas;
import org.anomalyforge.generator.SeasFinetuneRequest;
import org.anomalyforge.generator.SeasMaskTrainingRequest;
import org.anomalyforge.generator.ShotImage;
import org.anomalyforge.ingest.dataset.DefectSplit;
import org.anomalyforge.ingest.dataset.FewShotSplit;
import org.anomalyforge.ingest.dataset.LabeledImage;
import org.anomalyforge.ingest.dataset.MvtecDatasetReader;
import org.anomalyforge.ingest.dataset.Product;
import org.anomalyforge.ingest.dataset.ProductSplit;
import org.anomalyforge.ingest.store.Manifest;
import org.anomalyforge.ingest.store.ModelStore;
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
 * SeaS stage 2 (refined mask prediction) as a Spark job with one task, like {@link SeasFinetuneJob}: the executors
 * read the few-shot shots and normals of the run's product, selected exactly as {@code generator finetune} selects
 * them for the same {@code --max-shots}, and the task trains the RMP on the frozen stage-1 run. The driver first
 * checks that this selection is the one the stage-1 run recorded in its {@code split.json}.
 */
public final class SeasMaskTrainingJob {

    /**
     * @param parentRun            committed stage-1 run folder
     * @param data                 dataset (MVTec layout) holding the run's product
     * @param store                model store root the new run is committed to
     * @param steps                optimiser steps, 0 = the profile's default (80·T tiny)
     * @param recalibrationBatches BN recalibration batches, 0 = default, negative = off
     */
    public record Options(Path parentRun, Path data, Path store, OptionalInt maxShots, int steps,
                          int recalibrationBatches, long seed, String codeVersion) {
        public Options {
            Objects.requireNonNull(parentRun, "parentRun");
            Objects.requireNonNull(data, "data");
            Objects.requireNonNull(store, "store");
            Objects.requireNonNull(maxShots, "maxShots");
            Objects.requireNonNull(codeVersion, "codeVersion");
            if (steps < 0) {
                throw new IllegalArgumentException("--steps must be >= 0 (0 = the profile's default), got " + steps);
            }
        }
    }

    /** The committed stage-2 run and the first/last logged value of each loss term. */
    public record Trained(String product, String parentRunId, String runDir, String runId, int anomalies,
                          int normals, long steps, Map<String, double[]> firstLast) {}

    static final StructType RESULT = new StructType()
            .add("product", DataTypes.StringType).add("run_dir", DataTypes.StringType)
            .add("run_id", DataTypes.StringType).add("anomalies", DataTypes.IntegerType)
            .add("normals", DataTypes.IntegerType).add("steps", DataTypes.LongType)
            .add("losses", DataTypes.StringType);

    private static final ObjectMapper JSON = new ObjectMapper();

    private SeasMaskTrainingJob() {}

    public static Trained run(SparkSession spark, Options o) throws IOException {
        Manifest parent = ModelStore.open(o.parentRun()).manifest();      // verifies every SHA-256 first
        if (!"seas".equals(parent.kind())) {
            throw new IllegalArgumentException(o.parentRun() + ": run kind is '" + parent.kind()
                    + "', expected a SeaS run ('seas') from 'forge generator finetune'");
        }
        Product product = new MvtecDatasetReader().read(o.data()).product(parent.product()).orElseThrow(() ->
                new IllegalArgumentException("product '" + parent.product() + "' of run " + parent.runId()
                        + " is not in " + o.data()));
        ProductSplit split = FewShotSplit.of(product, o.maxShots());
        checkSameShots(o.parentRun(), split, o.maxShots());

        org.apache.spark.sql.Dataset<Row> inputs = TrainingInputs.load(spark, List.of(product), null, o.maxShots(),
                List.of());
        String parentDir = o.parentRun().toAbsolutePath().normalize().toString();
        String store = o.store().toAbsolutePath().normalize().toString();
        int steps = o.steps();
        int recalibration = o.recalibrationBatches();
        long seed = o.seed();
        String version = o.codeVersion();
        MapFunction<Row, String> key = r -> r.getString(0);
        FlatMapGroupsFunction<String, Row, Row> train = (name, rows) -> trainOne(name, rows, parentDir, steps,
                recalibration, seed, store, version);
        List<Row> rows = inputs.groupByKey(key, Encoders.STRING()).flatMapGroups(train, Encoders.row(RESULT))
                .collectAsList();
        if (rows.size() != 1) {
            throw new IllegalStateException("stage 2 of " + parent.runId() + " should give one run, got " + rows.size());
        }
        Row r = rows.get(0);
        return new Trained(r.getString(0), parent.runId(), r.getString(1), r.getString(2), r.getInt(3), r.getInt(4),
                r.getLong(5), LossSummary.parse(r.getString(6)));
    }

    /**
     * Refuses when the shots selected now differ from the ones the stage-1 run was fine-tuned on ({@code split.json}:
     * {@code {"train": {type: [ids]}, "normals": n}}); ids are those {@link TrainingInputs} gives.
     */
    static void checkSameShots(Path parentRun, ProductSplit split, OptionalInt maxShots) throws IOException {
        Path file = parentRun.resolve("split.json");
        JsonNode json = JSON.readTree(Files.readAllBytes(file));
        JsonNode train = json.get("train");
        if (train == null || !train.isObject()) {
            throw new IOException(file + ": no \"train\" object of defect type → shot ids");
        }
        Map<String, List<String>> recorded = new TreeMap<>();
        train.fields().forEachRemaining(e -> {
            List<String> ids = new ArrayList<>();
            e.getValue().forEach(id -> ids.add(id.asText()));
            recorded.put(e.getKey(), ids);
        });
        Map<String, List<String>> selected = new TreeMap<>();
        for (DefectSplit d : split.defects()) {
            List<String> ids = new ArrayList<>();
            for (LabeledImage shot : d.shots()) {
                ids.add(split.product().name() + "/" + d.defectType() + "/" + shot.image().getFileName());
            }
            selected.put(d.defectType(), ids);
        }
        String cap = maxShots.isPresent() ? "--max-shots " + maxShots.getAsInt() : "no --max-shots";
        if (!recorded.equals(selected)) {
            throw new IllegalArgumentException("the few-shot data differs from the stage-1 run's: with " + cap
                    + " the dataset gives " + selected + ", but " + file + " lists " + recorded
                    + "; pass the --max-shots (and dataset) used for 'forge generator finetune'");
        }
        JsonNode normals = json.get("normals");
        int used = Math.min(SeasFinetuneRequest.MAX_NORMALS, split.normals().size());
        if (normals != null && normals.asInt() != used) {
            throw new IllegalArgumentException("the normal images differ from the stage-1 run's: the dataset gives "
                    + used + " train/good images, but " + file + " records " + normals.asInt());
        }
    }

    private static Iterator<Row> trainOne(String product, Iterator<Row> rows, String parentDir, int steps,
                                          int recalibration, long seed, String store, String version) {
        SeasTrainingRows data = SeasTrainingRows.of(rows);
        List<ShotImage> anomalies = data.anomalies();
        List<byte[]> normals = data.normals();
        FinetuneResult result;
        try (ProgressBarFinetune progress = new ProgressBarFinetune(product)) {
            result = Seas.trainMasks(new SeasMaskTrainingRequest(Path.of(parentDir), anomalies, normals, steps,
                    recalibration, seed, Path.of(store), version), progress);
        } catch (IOException e) {
            throw new UncheckedIOException("stage 2 (masks) of SeaS run " + parentDir + " failed: " + e.getMessage(), e);
        }
        return List.of(RowFactory.create(product, result.runDir().toString(), result.runId(), anomalies.size(),
                normals.size(), result.steps(), LossSummary.format(result.lossCurves()))).iterator();
    }
}
