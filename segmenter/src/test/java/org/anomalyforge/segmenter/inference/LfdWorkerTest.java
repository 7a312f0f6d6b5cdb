package org.anomalyforge.segmenter.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.anomalyforge.ingest.image.BinaryMask;
import org.anomalyforge.ingest.image.ImageCodec;
import org.anomalyforge.ingest.image.RgbImage;
import org.anomalyforge.segmenter.Lfd;
import org.anomalyforge.segmenter.SyntheticImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Worker semantics (§6.1–§6.4): partial batches, outputs, thread confinement with shared weights. */
class LfdWorkerTest {

    private static final int SIZE = 32;

    @TempDir
    Path store;

    private static List<RgbImage> frames() {
        List<RgbImage> frames = new ArrayList<>();
        frames.add(SyntheticImages.image(SIZE, 1, 4, 4, 8));
        frames.add(SyntheticImages.image(64, 2, 10, 20, 16));            // enlarged frames are shrunk (AREA)
        frames.add(SyntheticImages.image(16, 3, 2, 2, 4));               // and small ones enlarged (LINEAR)
        return frames;
    }

    @Test
    void partialBatchEqualsPerImageResults() throws Exception {
        Path run = TestRuns.untrained(store, SIZE, 0.5f, 0.5f, ImageScoreMode.MAX);
        try (LfdSegmenter seg = Lfd.load(run); LfdWorker worker = seg.newWorker(4)) {
            List<FrameResult> batch = worker.segment(frames());             // 3 of maxBatch 4: no padding
            assertEquals(3, batch.size());
            for (int i = 0; i < 3; i++) {
                FrameResult single = worker.segment(List.of(frames().get(i))).get(0);
                assertArrayEquals(single.anomalyMap(), batch.get(i).anomalyMap(), 1e-6f);
                assertEquals(single.score(), batch.get(i).score(), 1e-6f);
            }
            assertEquals(SIZE * SIZE, batch.get(0).anomalyMap().length);
        }
    }

    @Test
    void outputsFollowTheThresholds() throws Exception {
        Path run = TestRuns.untrained(store, SIZE, 0.5f, 0.5f, ImageScoreMode.MAX);
        try (LfdSegmenter seg = Lfd.load(run); LfdWorker worker = seg.newWorker(3)) {
            List<RgbImage> in = frames();
            List<FrameResult> out = worker.segment(in);
            for (int i = 0; i < out.size(); i++) {
                FrameResult r = out.get(i);
                float max = 0;
                long count = 0;
                for (float p : r.anomalyMap()) {
                    assertTrue(p >= 0 && p <= 1);
                    max = Math.max(max, p);
                    count += p >= 0.5f ? 1 : 0;
                }
                assertEquals(max, r.score());
                assertEquals(r.score() >= 0.5f, r.defect());
                double scale = (double) in.get(i).width() * in.get(i).height() / (SIZE * SIZE);
                assertEquals(Math.round(count * scale), r.defectAreaPx());
                BinaryMask mask = ImageCodec.withDefaults().decodeMask(r.maskPng(), "mask").mask();
                assertEquals(count, mask.area());
            }
        }
    }

    @Test
    void blurredMaxScoreIsAtMostTheMax() throws Exception {
        Path run = TestRuns.untrained(store, SIZE, 0.5f, 0.5f, ImageScoreMode.BLURRED_MAX);
        try (LfdSegmenter seg = Lfd.load(run); LfdWorker worker = seg.newWorker(1, false)) {
            FrameResult r = worker.segment(List.of(frames().get(0))).get(0);
            float max = 0;
            for (float p : r.anomalyMap()) {
                max = Math.max(max, p);
            }
            assertTrue(r.score() <= max + 1e-6f, r.score() + " vs " + max);
            assertEquals(null, r.maskPng());
        }
        assertEquals(25, ImageScorer.gaussian(4.0).length);              // radius ⌈3σ⌉ = 12 at 256²
    }

    @Test
    void twoWorkersOnTwoThreadsMatchOne() throws Exception {
        Path run = TestRuns.untrained(store, SIZE, 0.5f, 0.5f, ImageScoreMode.MAX);
        try (LfdSegmenter seg = Lfd.load(run)) {
            List<FrameResult> expected;
            try (LfdWorker one = seg.newWorker(3)) {
                expected = one.segment(frames());
            }
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<List<List<FrameResult>>>> futures = new ArrayList<>();
                for (int t = 0; t < 2; t++) {
                    futures.add(pool.submit(() -> {
                        List<List<FrameResult>> results = new ArrayList<>();
                        try (LfdWorker w = seg.newWorker(3)) {
                            for (int k = 0; k < 3; k++) {
                                results.add(w.segment(frames()));
                            }
                        }
                        return results;
                    }));
                }
                for (Future<List<List<FrameResult>>> f : futures) {
                    for (List<FrameResult> got : f.get()) {
                        for (int i = 0; i < expected.size(); i++) {
                            assertArrayEquals(expected.get(i).anomalyMap(), got.get(i).anomalyMap(), 0f);
                        }
                    }
                }
            } finally {
                pool.shutdown();
            }
        }
    }

    @Test
    void rejectsBatchesOutsideOneToMaxBatch() throws Exception {
        Path run = TestRuns.untrained(store, SIZE, 0.5f, 0.5f, ImageScoreMode.MAX);
        try (LfdSegmenter seg = Lfd.load(run); LfdWorker worker = seg.newWorker(2)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> worker.segment(frames()));
            assertEquals("batch size must be in 1..2, got 3", e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> seg.newWorker(0));
        }
    }
}
