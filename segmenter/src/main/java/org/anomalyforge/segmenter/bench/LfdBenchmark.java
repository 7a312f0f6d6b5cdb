package org.anomalyforge.segmenter.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.anomalyforge.segmenter.lfd.LfdConfig;
import org.anomalyforge.segmenter.lfd.LfdNet;

/**
 * Measures LFD inference throughput (LFD spec §10.2): eval-mode forwards of the real network on a
 * fixed random input, per batch size, after warm-up, each forward in its own sub-manager as the
 * inference engine does. Weights are the seeded initialisation: speed does not depend on their values.
 */
public final class LfdBenchmark {

    /** Convolution MACs of one 256×256 frame (spec §2.4); they scale with H·W. */
    public static final long MACS_PER_256_FRAME = 1_160_970_240L;

    /** One measured row. */
    public record Row(int batch, int height, int width, int forwards, double seconds, double framesPerSecond,
                      double gmacsPerSecond, double msPerFrame) {}

    private LfdBenchmark() {}

    /**
     * @param batches      batch sizes to measure, in order
     * @param size         square input side (multiple of 32)
     * @param seconds      measuring time per batch size (after warm-up)
     * @param warmup       forwards discarded per batch size
     */
    public static List<Row> run(List<Integer> batches, int size, double seconds, int warmup) {
        LfdConfig config = new LfdConfig(size, size, 42);
        long macs = MACS_PER_256_FRAME * size * size / (256L * 256L);
        List<Row> rows = new ArrayList<>();
        try (NDManager manager = NDManager.newBaseManager()) {
            LfdNet net = new LfdNet(config);
            net.initialize(manager);
            JniUtils.setGradMode(false);
            ParameterStore ps = new ParameterStore(manager, false);
            for (int batch : batches) {
                if (batch < 1) {
                    throw new IllegalArgumentException("batch sizes must be ≥ 1, got " + batch);
                }
                float[] data = new float[batch * 3 * size * size];
                SplittableRandom rng = new SplittableRandom(7);
                for (int i = 0; i < data.length; i++) {
                    data[i] = (float) rng.nextGaussian();
                }
                Shape shape = new Shape(batch, 3, size, size);
                for (int i = 0; i < warmup; i++) {
                    forward(manager, net, ps, data, shape);
                }
                int n = 0;
                long start = System.nanoTime();
                long deadline = start + (long) (seconds * 1e9);
                do {
                    forward(manager, net, ps, data, shape);
                    n++;
                } while (System.nanoTime() < deadline);
                double s = (System.nanoTime() - start) / 1e9;
                double fps = n * batch / s;
                rows.add(new Row(batch, size, size, n, s, fps, fps * macs / 1e9, 1000.0 / fps));
            }
        }
        return rows;
    }

    private static void forward(NDManager manager, LfdNet net, ParameterStore ps, float[] data, Shape shape) {
        try (NDManager call = manager.newSubManager()) {
            NDArray x = call.create(data, shape);
            NDArray z = net.forwardAnomalyLogit(ps, x, false);     // B×1×H×W
            z.toFloatArray();                                      // force the computation to finish
        }
    }
}
