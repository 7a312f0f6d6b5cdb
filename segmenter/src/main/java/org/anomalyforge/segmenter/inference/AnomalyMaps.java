package org.anomalyforge.segmenter.inference;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;

import org.anomalyforge.segmenter.lfd.LfdNet;

/**
 * The eval-mode forward of §6.1 shared by validation, evaluation and the workers: z = l1 − l0 upsampled to
 * H×W, p = σ(z) (= softmax channel 1), copied out as floats. Every intermediate lives in a per-call
 * sub-manager that is closed before returning.
 */
public final class AnomalyMaps {

    private AnomalyMaps() {
    }

    /**
     * Probability maps of {@code n} inputs.
     *
     * @param net    an initialised network (eval mode is used; BN running statistics)
     * @param parent manager the per-call sub-manager is created from (not the model's, for workers)
     * @param inputs n·3·H·W floats, N×C×H×W
     * @param n      batch size
     * @param height H
     * @param width  W
     * @return n·H·W probabilities, row-major per map
     */
    public static float[] probabilities(LfdNet net, NDManager parent, float[] inputs, int n, int height, int width) {
        GradMode.off();                       // thread-local in libtorch: set on the calling thread
        try (NDManager call = parent.newSubManager()) {
            NDArray x = call.create(inputs, new Shape(n, 3, height, width));
            return probabilities(net, call, x);
        }
    }

    /**
     * Probability maps of an input array already in {@code call} (or temporarily attached to it).
     *
     * @return N·H·W probabilities
     */
    public static float[] probabilities(LfdNet net, NDManager call, NDArray x) {
        GradMode.off();
        NDArray z = net.forwardAnomalyLogit(new ParameterStore(call, false), x, false);     // N×1×H×W
        return Activation.sigmoid(z).toFloatArray();
    }
}
