package org.anomalyforge.segmenter.lfd;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import java.util.Objects;

/**
 * LFD, the low-level-feature road/anomaly segmenter (Zhou et al., IEEE T-ITS 2024, arXiv 2402.02430), as
 * released in HUST-SLOW/LFD and specified in the LFD spec §2. 936,067 trainable parameters.
 *
 * <pre>
 * x  B×3×H×W ─┬─ SemanticBranch (resize to H/2×W/4, ResNet-18 stem, layer1, layer2) → B×128×H/16×W/32
 *             │     hi = context1(hi) + hi ; hi = context2(hi) + hi
 *             ├─ DetailBranch (stem, layer1, channel_adjust)                        → lo B×128×H/4×W/4
 *             └─ SelectiveFusion(lo, hi) → f = a·lo + up(hi)                         B×128×H/4×W/4
 *                SegmentationHead → B×2×H/4×W/4 → bilinear → logits B×2×H×W
 * </pre>
 *
 * <p>{@code forward(ps, NDList(x), training)} returns {@code NDList(logits B×2×H×W)}. The original
 * state-dict keys live in {@link #weights()}, registered at construction. Initialise with
 * {@link #initialize(NDManager)}: the §2.7 seeded initialisation is attached to every parameter, so the
 * same seed gives bitwise-identical weights. Inputs must satisfy {@link LfdConfig#validateInput(Shape)};
 * any valid size runs on one initialised network.
 *
 * <p>Initialise before the first forward: DJL's {@code forward} would otherwise initialise the network
 * lazily in the request's manager, which is closed after the request.
 *
 * <p>Thread-safety: forward passes in eval mode ({@code training = false}) may run concurrently from
 * several threads with separate {@link ParameterStore}s and input managers; the only shared mutable state
 * is the resize-matrix cache, which is concurrent. Training-mode passes update BN running statistics and
 * must not run concurrently.
 */
public final class LfdNet extends AbstractBlock {

    private static final byte VERSION = 1;

    private final LfdConfig config;
    private final SemanticBranch semantic;
    private final AggregationModule context1;
    private final AggregationModule context2;
    private final DetailBranch detail;
    private final SelectiveFusion fusion;
    private final SegmentationHead head;
    private final LfdWeights weights;
    private volatile BilinearResize resize;

    /**
     * Builds the network and its weight registry; no arrays are allocated until initialisation.
     *
     * @param config size and seed
     */
    public LfdNet(LfdConfig config) {
        super(VERSION);
        this.config = Objects.requireNonNull(config, "config");
        semantic = addChildBlock("semantic", new SemanticBranch());
        context1 = addChildBlock("context1", new AggregationModule(2));
        context2 = addChildBlock("context2", new AggregationModule(1));
        detail = addChildBlock("detail", new DetailBranch());
        fusion = addChildBlock("fusion", new SelectiveFusion());
        head = addChildBlock("cls_head", new SegmentationHead());
        LfdWeights.Builder registry = LfdWeights.builder(config.seed());
        semantic.registerWeights("semantic.", registry);
        context1.registerWeights("context1.", registry);
        context2.registerWeights("context2.", registry);
        detail.registerWeights("detail.", registry);
        fusion.registerWeights("fusion.", registry);
        head.registerWeights("cls_head.", registry);
        weights = registry.build();
    }

    /** The configuration this network was built from. */
    public LfdConfig config() {
        return config;
    }

    /** The original-key registry (137 keys, 117 mapped parameters). */
    public LfdWeights weights() {
        return weights;
    }

    /**
     * Initialises all parameters (float32) for the configured input size with the seeded §2.7 values.
     *
     * @param manager the model's manager; owns the parameters and the resize matrices
     */
    public void initialize(NDManager manager) {
        initialize(manager, DataType.FLOAT32, config.inputShape(1));
    }

    /**
     * Runs the network up to the coarse logits and returns the intermediate tensors.
     *
     * @param ps       parameter store
     * @param x        B×3×H×W, ImageNet-normalised RGB, H and W multiples of 32
     * @param training batch statistics (and running-stat updates) if true, running statistics otherwise
     * @return hi, lo, gate and coarse logits
     */
    public LfdActivations forwardStages(ParameterStore ps, NDArray x, boolean training) {
        if (!isInitialized()) {
            // DJL would otherwise initialise the children lazily in the request's manager.
            throw new IllegalStateException("LfdNet is not initialised; call initialize(modelManager) first");
        }
        LfdConfig.validateInput(x.getShape());
        NDArray hi = LfdLayers.apply(semantic, ps, x, training);            // B×128×H/16×W/32
        hi = LfdLayers.apply(context1, ps, hi, training).add(hi);           // residual, no activation
        hi = LfdLayers.apply(context2, ps, hi, training).add(hi);
        NDArray lo = LfdLayers.apply(detail, ps, x, training);              // B×128×H/4×W/4
        NDList fused = fusion.forward(ps, new NDList(lo, hi), training);    // f B×128×H/4×W/4, a B×1×H/4×W/4
        NDArray coarse = LfdLayers.apply(head, ps, fused.get(0), training); // B×2×H/4×W/4
        return new LfdActivations(hi, lo, fused.get(1), coarse);
    }

    /**
     * The anomaly logit z = l1 − l0 at full resolution, upsampling one channel instead of two (exact up to
     * rounding, since the resize is linear; spec §2.5). σ(z) is the anomaly probability.
     *
     * @param ps       parameter store
     * @param x        B×3×H×W
     * @param training BN mode
     * @return z, B×1×H×W
     */
    public NDArray forwardAnomalyLogit(ParameterStore ps, NDArray x, boolean training) {
        NDArray coarse = forwardStages(ps, x, training).coarseLogits();     // B×2×H/4×W/4
        NDArray z = coarse.get(":, 1:2").sub(coarse.get(":, 0:1"));         // B×1×H/4×W/4
        Shape s = x.getShape();
        return resize.resize(z, s.get(2), s.get(3));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray coarse = forwardStages(ps, x, training).coarseLogits();     // B×2×H/4×W/4
        Shape s = x.getShape();
        return new NDList(resize.resize(coarse, s.get(2), s.get(3)));      // B×2×H×W
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape x = inputShapes[0];
        LfdConfig.validateInput(x);
        if (resize == null) {
            resize = new BilinearResize(manager);
        }
        Shape hi = LfdLayers.initialize(semantic, manager, dataType, x);
        LfdLayers.initialize(context1, manager, dataType, hi);
        LfdLayers.initialize(context2, manager, dataType, hi);
        Shape lo = LfdLayers.initialize(detail, manager, dataType, x);
        fusion.initialize(manager, dataType, lo, hi);
        LfdLayers.initialize(head, manager, dataType, lo);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape x = inputShapes[0];
        return new Shape[] {new Shape(x.get(0), SegmentationHead.CLASSES, x.get(2), x.get(3))};
    }
}
