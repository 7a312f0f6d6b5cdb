package org.anomalyforge.segmenter.lfd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;

import org.junit.jupiter.api.Test;

/** Spec §2.6: DJL momentum 0.9 is PyTorch momentum 0.1 with the unbiased batch variance. */
class BatchNormMomentumTest {

    @Test
    void runningStatisticsFollowPyTorchMomentumPointOne() {
        try (NDManager manager = NDManager.newBaseManager()) {
            BatchNorm bn = LfdLayers.batchNorm();
            bn.initialize(manager, DataType.FLOAT32, new Shape(2, 2, 1, 2));
            // Channel 0 holds {1, 2, 3, 4}: mean 2.5, unbiased variance 5/3. Channel 1 holds {0, 0, 0, 8}:
            // mean 2, unbiased variance 16.
            float[] x = {1, 2, 0, 0, 3, 4, 0, 8};
            bn.forward(new ParameterStore(manager, false), new NDList(manager.create(x, new Shape(2, 2, 1, 2))),
                    true);
            assertArrayEquals(new float[] {0.25f, 0.2f},
                    bn.getDirectParameters().get("runningMean").getArray().toFloatArray(), 1e-6f);
            assertArrayEquals(new float[] {0.9f + 0.1f * 5 / 3f, 0.9f + 1.6f},
                    bn.getDirectParameters().get("runningVar").getArray().toFloatArray(), 1e-6f);
        }
    }
}
