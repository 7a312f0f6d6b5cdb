package org.anomalyforge.segmenter.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;

import java.util.Objects;

import org.anomalyforge.segmenter.lfd.LfdNet;
import org.anomalyforge.segmenter.lfd.MinKeptRule;
import org.anomalyforge.segmenter.lfd.OhemCrossEntropyLoss;

/**
 * One training iteration (§5.4–§5.5): train-mode forward to z (B×1×H×W), OHEM loss, backward, then the
 * PyTorch-exact SGD update at the iteration's lr.
 *
 * <p>Memory (DJL cookbook §6): inputs, activations, loss and graph live in a per-iteration sub-manager that
 * is closed before the optimiser step; the step runs outside the collector (grad mode off) and scopes its
 * own temporaries, so the model manager's live-array count stays constant over iterations.
 */
public final class TrainingStep {

    private final LfdNet net;
    private final NDManager model;
    private final MomentumSgd sgd;
    private final OhemCrossEntropyLoss loss = new OhemCrossEntropyLoss(MinKeptRule.proportional());

    /**
     * @param net   an initialised network
     * @param model the manager the network was initialised with
     * @param sgd   the optimiser over the network's trainable tensors
     */
    public TrainingStep(LfdNet net, NDManager model, MomentumSgd sgd) {
        this.net = Objects.requireNonNull(net, "net");
        this.model = Objects.requireNonNull(model, "model");
        this.sgd = Objects.requireNonNull(sgd, "sgd");
    }

    /**
     * Runs one iteration.
     *
     * @param inputs  n·3·H·W floats (N×C×H×W)
     * @param targets n·H·W bytes 0/1
     * @param n       batch size of this iteration (the last batch may be partial)
     * @param lr      learning rate
     * @return the batch's OHEM loss before the update
     */
    public float run(float[] inputs, byte[] targets, int n, float lr) {
        int h = net.config().inputHeight();
        int w = net.config().inputWidth();
        if (inputs.length != n * 3 * h * w || targets.length != n * h * w) {
            throw new IllegalArgumentException("batch of " + n + " at " + h + "×" + w + " needs " + n * 3 * h * w
                    + " input floats and " + n * h * w + " target bytes, got " + inputs.length + " and "
                    + targets.length);
        }
        float value;
        try (NDManager it = model.newSubManager()) {
            NDArray x = it.create(inputs, new Shape(n, 3, h, w));
            NDArray y = it.create(targets, new Shape(n, h, w));
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray z = net.forwardAnomalyLogit(new ParameterStore(it, false), x, true);   // N×1×H×W
                NDArray l = loss.fromAnomalyLogit(z, y);
                gc.backward(l);
                value = l.getFloat();
            }
        }
        sgd.step(lr);
        return value;
    }
}
