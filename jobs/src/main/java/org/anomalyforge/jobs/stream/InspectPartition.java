package org.anomalyforge.jobs.stream;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.anomalyforge.ingest.frames.DeadLetter;
import org.anomalyforge.ingest.frames.FrameCodec;
import org.anomalyforge.ingest.frames.FrameDecoding;
import org.anomalyforge.ingest.frames.FrameEnvelope;
import org.anomalyforge.ingest.frames.KafkaHeader;
import org.anomalyforge.ingest.image.ImageCodec;
import org.anomalyforge.ingest.image.ImageDecodeException;
import org.anomalyforge.ingest.image.RgbImage;
import org.anomalyforge.jobs.spark.ExecutorWorkers;
import org.anomalyforge.segmenter.inference.FrameResult;
import org.anomalyforge.segmenter.inference.LfdWorker;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Inspects one partition of Kafka records: validates each with {@link FrameCodec}, dead-letters the
 * rejected ones with their reason, and runs the valid frames through a borrowed LFD worker in batches,
 * iterator to iterator (frames are never collected). Input columns: Kafka's key, value, topic,
 * partition, offset, headers.
 */
final class InspectPartition implements MapPartitionsFunction<Row, Row> {
    private final String runDir;
    private final String runId;
    private final int batch;
    private final boolean masks;
    private final FrameCodec codec;

    InspectPartition(String runDir, String runId, int batch, boolean masks, int maxPayloadBytes) {
        this.runDir = runDir;
        this.runId = runId;
        this.batch = batch;
        this.masks = masks;
        this.codec = new FrameCodec(maxPayloadBytes);
    }

    @Override
    public Iterator<Row> call(Iterator<Row> records) throws IOException {
        if (!records.hasNext()) {
            return Collections.emptyIterator();
        }
        LfdWorker worker = ExecutorWorkers.borrow(runDir, batch);
        TaskContext task = TaskContext.get();
        if (task != null) {
            task.addTaskCompletionListener(
                    (org.apache.spark.util.TaskCompletionListener) ctx -> ExecutorWorkers.giveBack(runDir, batch, worker));
        }
        return new Batches(records, worker);
    }

    private final class Batches implements Iterator<Row> {
        private final Iterator<Row> records;
        private final LfdWorker worker;
        private final ImageCodec images = ImageCodec.withDefaults();
        private Iterator<Row> ready = Collections.emptyIterator();

        Batches(Iterator<Row> records, LfdWorker worker) {
            this.records = records;
            this.worker = worker;
        }

        @Override
        public boolean hasNext() {
            while (!ready.hasNext() && records.hasNext()) {
                ready = nextBatch().iterator();
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
            List<Row> out = new ArrayList<>();
            List<FrameEnvelope> frames = new ArrayList<>();
            List<RgbImage> decoded = new ArrayList<>();
            while (records.hasNext() && frames.size() < batch) {
                Row r = records.next();
                byte[] keyBytes = (byte[]) r.get(0);
                String key = keyBytes == null ? null : new String(keyBytes, StandardCharsets.UTF_8);
                byte[] value = (byte[]) r.get(1);
                List<KafkaHeader> headers = headers(r);
                FrameDecoding d = codec.check(key, value, headers);
                if (d instanceof FrameDecoding.Invalid invalid) {
                    out.add(deadLetter(r, key, value, headers, invalid.rejection().reason()));
                    continue;
                }
                FrameEnvelope frame = ((FrameDecoding.Valid) d).envelope();
                try {
                    decoded.add(images.decode(frame.image(), "frame " + frame.camera() + "#" + frame.frameIndex()));
                    frames.add(frame);
                } catch (ImageDecodeException e) {
                    out.add(deadLetter(r, key, value, headers, e.getMessage()));
                }
            }
            if (!frames.isEmpty()) {
                List<FrameResult> results = worker.segment(decoded);
                long processedAt = micros(Instant.now());
                for (int i = 0; i < frames.size(); i++) {
                    FrameEnvelope f = frames.get(i);
                    FrameResult v = results.get(i);
                    out.add(RowFactory.create(InspectionSchema.VERDICT_ROW, f.camera(), f.product(), f.frameIndex(),
                            f.capturedAtMicros(), processedAt, (processedAt - f.capturedAtMicros()) / 1000.0,
                            v.score(), v.defectAreaPx(), v.defect() ? "defect" : "ok", masks ? v.maskPng() : null,
                            runId, null, null, null, null, null, null));
                }
            }
            return out;
        }

        private Row deadLetter(Row r, String key, byte[] value, List<KafkaHeader> headers, String reason) {
            DeadLetter dl = new DeadLetter(r.getString(2), r.getInt(3), r.getLong(4), key, value, headers, reason,
                    Instant.now());
            List<Row> hs = new ArrayList<>();
            for (KafkaHeader h : dl.headers()) {
                hs.add(RowFactory.create(h.key(), h.value()));
            }
            return RowFactory.create(InspectionSchema.DLQ_ROW, null, null, null, null, null, null, null, null, null,
                    null, runId, dl.partition(), dl.offset(), key, value,
                    scala.jdk.javaapi.CollectionConverters.asScala(hs).toSeq(), reason);
        }
    }

    private static List<KafkaHeader> headers(Row r) {
        if (r.isNullAt(5)) {
            return List.of();
        }
        List<KafkaHeader> out = new ArrayList<>();
        for (Row h : r.<Row>getList(5)) {
            out.add(new KafkaHeader(h.getString(0), h.isNullAt(1) ? null : (byte[]) h.get(1)));
        }
        return out;
    }

    private static long micros(Instant t) {
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
    }
}
