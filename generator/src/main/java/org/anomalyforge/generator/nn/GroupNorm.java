package org.anomalyforge.generator.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Arrays;

/**
 * {@code torch.nn.GroupNorm(G, C, eps)}: per sample and group, statistics over (C/G, H, W) with the biased
 * variance, then y = (x − μ)/√(σ² + eps)·γ + β with γ [C] = 1 and β [C] = 0 at init.
 *
 * <p>DJL 0.36 has no GroupNorm; as verified in the cookbook §1, one fused {@code layer_norm} over
 * [B, G, C/G·H·W] with unit affine, then the per-channel affine, matches {@code F.group_norm} to 1e-6.
 */
public final class GroupNorm extends ModuleBlock {

    private final int groups;
    private final int channels;
    private final float eps;
    private final Parameter gamma;
    private final Parameter beta;

    private GroupNorm(Builder b) {
        this.groups = b.groups;
        this.channels = b.channels;
        this.eps = b.eps;
        this.gamma = parameter("weight", Parameter.Type.GAMMA, new Shape(channels), TorchInit.constant(1));
        this.beta = parameter("bias", Parameter.Type.BETA, new Shape(channels), TorchInit.constant(0));
    }

    /** A builder: {@code setGroups}, {@code setChannels} required; {@code optEps} default 1e-5 (PyTorch). */
    public static Builder builder() {
        return new Builder();
    }

    /** Shortcut for {@code builder().setGroups(g).setChannels(c).optEps(eps).build()}. */
    public static GroupNorm of(int groups, int channels, float eps) {
        return builder().setGroups(groups).setChannels(channels).optEps(eps).build();
    }

    /** x [B, C, ...] → same shape. */
    public NDArray forward(ParameterStore ps, NDArray x, boolean training) {
        requireDim(x, 1, channels, "input");
        Shape s = x.getShape();
        long n = s.get(0);
        long per = s.size() / (n * groups);
        NDManager m = x.getManager();
        // Elementary ops rather than the fused layer_norm: libtorch 2.7.1's CPU layer_norm backward returned
        // inf/1e38 gradients for near-constant groups in stage-0 training (weights and loss finite; DESIGN §7.7).
        NDArray grouped = x.reshape(n, groups, per);
        NDArray centred = grouped.sub(grouped.mean(new int[] {2}, true));
        NDArray variance = centred.square().mean(new int[] {2}, true);
        NDArray y = centred.div(variance.add(eps).sqrt()).reshape(s);
        long[] affine = new long[s.dimension()];
        Arrays.fill(affine, 1);
        affine[1] = channels;
        NDArray g = value(ps, gamma, x, training).reshape(new Shape(affine));
        NDArray b = value(ps, beta, x, training).reshape(new Shape(affine));
        // Ops on a parameter land in the parameter's manager (never closed in training): move them out.
        g.attach(m);
        b.attach(m);
        return y.mul(g).add(b);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> p) {
        return new NDList(forward(ps, inputs.singletonOrThrow(), training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    /** Builder following DJL's set/opt convention; {@link #build()} validates and never changes the builder. */
    public static final class Builder {
        private int groups;
        private int channels;
        private float eps = 1e-5f;

        /** Number of groups G (required); must divide the channel count. */
        public Builder setGroups(int groups) {
            this.groups = groups;
            return this;
        }

        /** Channel count C (required). */
        public Builder setChannels(int channels) {
            this.channels = channels;
            return this;
        }

        /** Variance floor; default 1e-5 (SD ResNets in the VAE and transformers use 1e-6). */
        public Builder optEps(float eps) {
            this.eps = eps;
            return this;
        }

        /** Validates and builds. */
        public GroupNorm build() {
            if (groups <= 0 || channels <= 0) {
                throw new IllegalArgumentException("GroupNorm groups and channels must be > 0, got groups " + groups
                        + ", channels " + channels);
            }
            if (channels % groups != 0) {
                throw new IllegalArgumentException("GroupNorm channels must be divisible by groups, got channels "
                        + channels + ", groups " + groups);
            }
            if (!(eps > 0)) {
                throw new IllegalArgumentException("GroupNorm eps must be > 0, got " + eps);
            }
            return new GroupNorm(this);
        }
    }
}
