package org.anomalyforge.jobs.generator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.anomalyforge.generator.GeneratedImage;
import org.anomalyforge.generator.GenerationRequest;
import org.anomalyforge.generator.SamplerKind;
import org.anomalyforge.ingest.image.BinaryMask;
import org.anomalyforge.ingest.image.ImageCodec;
import org.anomalyforge.jobs.pairs.PairSchema;
import org.anomalyforge.jobs.spark.TorchThreads;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.util.LongAccumulator;

/**
 * The executor side of SeaS synthesis: one partition of planned pairs ({@link SeasSynthesisPlan#tasks}: a slice of a
 * chunk with the reference image bytes) becomes rows of {@link PairSchema}, generated {@code batch} at a time in
 * {@code seq} order on the JVM's cached generator, so a batch always holds the same pairs. Lazy: one batch of images
 * is held at a time.
 */
final class SeasPairPartition implements FlatMapFunction<Iterator<Row>, Row> {
    private final String runDir;
    private final SeasSynthesisSettings settings;
    private final LongAccumulator generated;

    SeasPairPartition(String runDir, SeasSynthesisSettings settings, LongAccumulator generated) {
        this.runDir = runDir;
        this.settings = settings;
        this.generated = generated;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> tasks) {
        TorchThreads.configureFor(1);      // batches of a JVM run one at a time (SeasExecutorModels)
        List<Row> slice = new ArrayList<>();
        tasks.forEachRemaining(slice::add);  // a slice is about 2 batches of encoded references
        slice.sort(Comparator.comparingInt(r -> r.getInt(SeasSynthesisPlan.COL_SEQ)));
        return new Batches(slice.iterator());
    }

    private final class Batches implements Iterator<Row> {
        private final Iterator<Row> tasks;
        private final Deque<Row> ready = new ArrayDeque<>();
        private final ImageCodec codec = ImageCodec.withDefaults();
        private final Timestamp createdAt = Timestamp.from(Instant.now());

        Batches(Iterator<Row> tasks) {
            this.tasks = tasks;
        }

        @Override
        public boolean hasNext() {
            if (ready.isEmpty() && tasks.hasNext()) {
                generateBatch();
            }
            return !ready.isEmpty();
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return ready.pop();
        }

        private void generateBatch() {
            List<Row> rows = new ArrayList<>();
            List<GenerationRequest> requests = new ArrayList<>();
            SamplerKind sampler = SamplerKind.valueOf(settings.sampler());
            while (tasks.hasNext() && rows.size() < settings.batch()) {
                Row t = tasks.next();
                String type = t.getString(SeasSynthesisPlan.COL_KIND).equals(PairSchema.NORMAL) ? null
                        : t.getString(SeasSynthesisPlan.COL_DEFECT_TYPE);
                rows.add(t);
                requests.add(new GenerationRequest(type, t.getLong(SeasSynthesisPlan.COL_SEED), settings.guidance(),
                        settings.steps(), sampler, (byte[]) t.get(SeasSynthesisPlan.COL_CONTENT)));
            }
            List<GeneratedImage> images;
            try {
                images = SeasExecutorModels.generate(runDir, requests);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot load SeaS run " + runDir + ": " + e.getMessage(), e);
            }
            for (int i = 0; i < rows.size(); i++) {
                ready.add(pair(rows.get(i), images.get(i)));
            }
            generated.add(rows.size());
        }

        private Row pair(Row task, GeneratedImage g) {
            String kind = task.getString(SeasSynthesisPlan.COL_KIND);
            BinaryMask mask = g.mask();
            if (PairSchema.NORMAL.equals(kind)) {
                mask = BinaryMask.empty(g.image().width(), g.image().height());
            } else if (mask == null) {
                throw new IllegalStateException("SeaS run " + g.runId() + " gave no mask for '" + g.defectType()
                        + "' seed " + g.seed() + "; train its masks first (forge generator train-masks)");
            }
            return RowFactory.create(settings.product(), task.getString(SeasSynthesisPlan.COL_DEFECT_TYPE), kind,
                    g.seed(), codec.encodePng(g.image()), codec.encodeMaskPng(mask), g.runId(), g.guidance(),
                    createdAt);
        }
    }
}
