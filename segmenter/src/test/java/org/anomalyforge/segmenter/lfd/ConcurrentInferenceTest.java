package org.anomalyforge.segmenter.lfd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.BaseNDManager;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One model shared by several predictor threads: eval forwards in per-request managers give the
 * sequential result, and nothing but the cached resize matrices is added to the model's manager.
 */
class ConcurrentInferenceTest {

    private NDManager model;
    private LfdNet net;
    private float[] input;

    @BeforeEach
    void setUp() {
        model = NDManager.newBaseManager();
        net = new LfdNet(new LfdConfig(64, 64, 42));
        net.initialize(model);
        input = new float[3 * 64 * 64];
        java.util.Random random = new java.util.Random(3);
        for (int i = 0; i < input.length; i++) {
            input[i] = (float) random.nextGaussian();
        }
    }

    @AfterEach
    void tearDown() {
        model.close();
    }

    @Test
    void requestsLeaveNothingInTheModelManager() {
        predict();                                                          // creates the cached matrices
        int arrays = ((BaseNDManager) model).getManagedArrays().size();
        for (int i = 0; i < 3; i++) {
            predict();
        }
        assertEquals(arrays, ((BaseNDManager) model).getManagedArrays().size());
    }

    @Test
    void concurrentPredictorsMatchTheSequentialResult() throws Exception {
        float[] expected = predict();
        int arrays = ((BaseNDManager) model).getManagedArrays().size();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<float[]>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                results.add(pool.submit(this::predict));
            }
            for (Future<float[]> f : results) {
                assertArrayEquals(expected, f.get(), 0f);
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(arrays, ((BaseNDManager) model).getManagedArrays().size());
    }

    private float[] predict() {
        try (NDManager request = model.newSubManager()) {
            NDArray x = request.create(input, new Shape(1, 3, 64, 64));
            NDArray z = net.forwardAnomalyLogit(new ParameterStore(request, false), x, false);
            return z.toFloatArray();
        }
    }
}
