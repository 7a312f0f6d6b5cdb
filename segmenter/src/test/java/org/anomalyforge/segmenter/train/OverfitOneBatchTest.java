package org.anomalyforge.segmenter.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;

import java.util.ArrayList;
import java.util.List;

import org.anomalyforge.segmenter.AugmentationPreset;
import org.anomalyforge.segmenter.SampleOrigin;
import org.anomalyforge.segmenter.SyntheticImages;
import org.anomalyforge.segmenter.TrainingSample;
import org.anomalyforge.segmenter.inference.AnomalyMaps;
import org.anomalyforge.segmenter.lfd.LfdConfig;
import org.anomalyforge.segmenter.lfd.LfdNet;
import org.junit.jupiter.api.Test;

/**
 * LFD spec §10.1-8: 4 procedural 64×64 images with a bright 8–14 px square, from scratch, SGD 0.01 with a
 * cosine over 150 iterations, momentum 0.9, wd 1e-4, OHEM k = 3,125 (the proportional rule at B = 4, 64²).
 */
class OverfitOneBatchTest {

    private static final int SIZE = 64;
    private static final int ITERATIONS = 150;

    @Test
    void overfitsOneBatch() throws Exception {
        List<PreparedSample> samples = new ArrayList<>();
        SamplePreparer preparer = new SamplePreparer(SIZE, SIZE, AugmentationPreset.NONE, 42);
        for (int i = 0; i < 4; i++) {
            int side = 8 + 2 * i;                                    // 8, 10, 12, 14 px
            int x0 = 5 + 11 * i;
            int y0 = 40 - 9 * i;
            TrainingSample s = new TrainingSample("s" + i, SampleOrigin.GENERATED, "square",
                    SyntheticImages.imagePng(SIZE, i, x0, y0, side), SyntheticImages.maskPng(SIZE, x0, y0, side));
            samples.add(preparer.plain(s));
        }
        Batch batch = Batch.of(samples);
        assertEquals(3125, new org.anomalyforge.segmenter.lfd.OhemCrossEntropyLoss(
                org.anomalyforge.segmenter.lfd.MinKeptRule.proportional()).minKept().resolve(4L * SIZE * SIZE));
        try (NDManager model = NDManager.newBaseManager()) {
            LfdNet net = new LfdNet(new LfdConfig(SIZE, SIZE, 42));
            net.initialize(model);
            LfdCosineLr lr = new LfdCosineLr(ITERATIONS);
            try (MomentumSgd sgd = new MomentumSgd(net.weights(), model)) {
                TrainingStep step = new TrainingStep(net, model, sgd);
                float first = 0;
                float last = 0;
                for (int i = 0; i < ITERATIONS; i++) {
                    last = step.run(batch.inputs(), batch.targets(), batch.size(), (float) lr.rate(i));
                    if (i == 0) {
                        first = last;
                    }
                }
                assertTrue(last <= 0.1f * first, "loss " + first + " → " + last);
                float[] maps = AnomalyMaps.probabilities(net, model, batch.inputs(), 4, SIZE, SIZE);
                long tp = 0;
                long union = 0;
                for (int i = 0; i < maps.length; i++) {
                    boolean pred = maps[i] >= 0.5f;
                    boolean gt = batch.targets()[i] == 1;
                    tp += pred && gt ? 1 : 0;
                    union += pred || gt ? 1 : 0;
                }
                double iou = (double) tp / union;
                assertTrue(iou >= 0.9, "IoU@0.5 over the batch " + iou);
            }
        }
    }
}
