package org.anomalyforge.generator.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

/** L_anom and L_NA on hand-made [4, 1, 1, 2] tensors; the stage-0 loss on hand-made moments. */
class NoisePredictionLossTest {

    @Test
    void anomalyAndNormalHalves() {
        try (NDManager m = NDManager.newBaseManager()) {
            var pred = m.create(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, new Shape(4, 1, 1, 2));
            var target = m.create(new float[] {1, 0, 3, 3, 5, 5, 9, 8}, new Shape(4, 1, 1, 2));
            // anomaly half: diffs 0, 2, 0, 1 → (0 + 4 + 0 + 1)/4; normal half: 0, 1, −2, 0 → (0 + 1 + 4 + 0)/4
            assertEquals(1.25, NoisePredictionLoss.anomaly(pred, target, 2).getFloat(), 1e-7);
            assertEquals(1.25, NoisePredictionLoss.normal(pred, target, 2).getFloat(), 1e-7);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> NoisePredictionLoss.anomaly(pred, target, 3));
            assertEquals("micro-batch must hold 2b = 6 samples, got (4, 1, 1, 2)", e.getMessage());
        }
    }

    @Test
    void autoencoderLossTerms() {
        try (NDManager m = NDManager.newBaseManager()) {
            var x = m.create(new float[] {0, 1}, new Shape(1, 1, 1, 2));
            var y = m.create(new float[] {0.5f, 0}, new Shape(1, 1, 1, 2));
            var mu = m.create(new float[] {1, 0}, new Shape(1, 2));
            var logvar = m.create(new float[] {0, (float) Math.log(2)}, new Shape(1, 2));
            AutoencoderLoss l = AutoencoderLoss.of(y, x, mu, logvar);
            // L1 = (0.5 + 1)/2; KL = mean(½(1 + 1 − 1 − 0), ½(0 + 2 − 1 − ln 2)) = (0.5 + (1 − ln 2)/2)/2
            double kl = (0.5 + (1 - Math.log(2)) / 2) / 2;
            assertEquals(0.75, l.reconstruction().getFloat(), 1e-7);
            assertEquals(kl, l.kl().getFloat(), 1e-6);
            assertEquals(0.75 + 1e-4 * kl, l.total().getFloat(), 1e-6);
        }
    }
}
