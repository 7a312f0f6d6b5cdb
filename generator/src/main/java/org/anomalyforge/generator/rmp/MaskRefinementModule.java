package org.anomalyforge.generator.rmp;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.anomalyforge.generator.nn.BatchNorm2d;
import org.anomalyforge.generator.nn.BilinearInterpolation;
import org.anomalyforge.generator.nn.ModuleBlock;

/**
 * MRM(c_in, w), the Mask Refinement Module of seas.md §8.1 (keys {@code conv1} … {@code conv9}): doubles the coarse
 * features' resolution and gates them with the VAE decoder's fine features.
 * <pre>
 * C  = bilinear ×2 (align_corners = true)(C)              [B, w, 2r, 2r]
 * s1 = conv5(C);  s2 = C
 * C  = conv4(conv3(conv2(C)))                             CBR 1×1, 3×3, 1×1
 * s3 = conv9(conv8(conv7(C)))                             CBR 1×1, 3×3, 1×1 on the new C
 * C  = C + s1 + s3
 * out = conv1(V) ⊙ C + s2                                 conv1 = CBR 1×1, c_in → w; V [B, c_in, 2r, 2r]
 * </pre>
 * {@code conv6} (CBR 3×3) exists in the original but is never called; it is created so keys and parameter counts
 * match, and it never receives a gradient.
 */
public final class MaskRefinementModule extends ModuleBlock {

    private final int width;
    private final List<ConvBnRelu> convs = new ArrayList<>();   // conv1 … conv9

    /**
     * @param vaeChannels c_in, channels of the VAE tap
     * @param width       w, channels of the coarse features
     */
    public MaskRefinementModule(int vaeChannels, int width) {
        this.width = width;
        int[] kernel = {1, 1, 3, 1, 1, 3, 1, 3, 1};   // conv1 … conv9
        for (int i = 0; i < 9; i++) {
            convs.add(child("conv" + (i + 1), new ConvBnRelu(i == 0 ? vaeChannels : width, width, kernel[i])));
        }
    }

    /** conv1 … conv9 in order (conv6 unused). */
    public List<ConvBnRelu> convs() {
        return Collections.unmodifiableList(convs);
    }

    /**
     * @param coarse C [B, w, r, r]
     * @param vae    V [B, c_in, 2r, 2r]
     * @return [B, w, 2r, 2r]
     */
    public NDArray forward(ParameterStore ps, NDArray coarse, NDArray vae, BatchNorm2d.Statistics bn,
            boolean training) {
        requireRank(coarse, 4, "coarse features");
        requireDim(coarse, 1, width, "coarse features");
        int side = (int) coarse.getShape().get(2) * 2;
        if (vae.getShape().get(2) != side || vae.getShape().get(3) != side) {
            throw new IllegalArgumentException("MaskRefinementModule: VAE tap must be " + side + "x" + side
                    + " (twice the coarse side), got " + vae.getShape());
        }
        NDArray c = BilinearInterpolation.resize(coarse, side, side, true);
        NDArray s1 = conv(5).forward(ps, c, bn, training);
        NDArray s2 = c;
        c = conv(4).forward(ps, conv(3).forward(ps, conv(2).forward(ps, c, bn, training), bn, training), bn, training);
        NDArray s3 = conv(9).forward(ps, conv(8).forward(ps, conv(7).forward(ps, c, bn, training), bn, training), bn,
                training);
        c = c.add(s1).add(s3);
        return conv(1).forward(ps, vae, bn, training).mul(c).add(s2);
    }

    private ConvBnRelu conv(int number) {
        return convs.get(number - 1);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> p) {
        return new NDList(forward(ps, inputs.get(0), inputs.get(1),
                training ? BatchNorm2d.Statistics.BATCH : BatchNorm2d.Statistics.STORED, training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape c = inputShapes[0];
        return new Shape[] {new Shape(c.get(0), width, 2 * c.get(2), 2 * c.get(3))};
    }
}
