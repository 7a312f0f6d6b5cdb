package org.anomalyforge.segmenter.train;

/**
 * One sample ready for the network.
 *
 * @param input  3·H·W floats, C×H×W, ImageNet-normalised
 * @param target H·W bytes 0/1 (§5.2)
 * @param label  image label (source mask has a defect)
 */
public record PreparedSample(float[] input, byte[] target, boolean label) {
}
