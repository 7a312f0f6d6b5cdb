package org.anomalyforge.generator.unet;

import org.anomalyforge.generator.config.UNetConfig;

/**
 * How the transformers of a cross-attention block are shaped: heads, context width, transformer depth, GroupNorm.
 *
 * @param heads       heads (head dim = channels / heads)
 * @param contextDim  cross-attention context width
 * @param layers      BasicTransformerBlocks per Transformer2DModel
 * @param groups      GroupNorm groups
 * @param normEps     GroupNorm eps inside the transformer
 */
record CrossAttentionSpec(int heads, int contextDim, int layers, int groups, float normEps) {

    static CrossAttentionSpec of(UNetConfig c) {
        return new CrossAttentionSpec(c.attentionHeads(), c.crossAttentionDim(), c.transformerLayers(), c.normGroups(),
                (float) c.transformerNormEps());
    }
}
