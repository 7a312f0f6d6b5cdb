package org.anomalyforge.segmenter.inference;

import java.util.Objects;

/**
 * The {@code config.json} of an LFD model-store run (LFD spec §5.8): everything needed to preprocess frames,
 * post-process maps and reproduce the training. Written by the trainer, read by {@code Lfd.load}.
 *
 * @param format           file format version ({@value #FORMAT})
 * @param inputHeight      network input H
 * @param inputWidth       network input W
 * @param normalization    input normalisation ({@code IMAGENET})
 * @param resizeMode       the §4 frame resize ({@link FrameResizer#MODE})
 * @param maskRule         the §5.2 mask rule ({@link MaskRule#NAME})
 * @param init             {@code scratch} or {@code imagenet-stems}
 * @param initSha256       SHA-256 of the ImageNet file, null from scratch
 * @param seed             training seed
 * @param preset           §5.6 preset name
 * @param schedule         optimiser and schedule
 * @param selection        {@code validation-pixel-ap} or {@code last-epoch}
 * @param selectedEpoch    1-based epoch of the kept weights
 * @param tauPixel         τ_pixel (§5.7)
 * @param tauImage         τ_image (§5.7)
 * @param imageScoreMode   §6.1 image-score mode
 * @param splitFingerprint SHA-256 of the validation split
 * @param splitFallback    true iff validation used the real-shot fallback (no generated pairs)
 */
public record LfdRunConfig(int format, int inputHeight, int inputWidth, String normalization, String resizeMode,
                           String maskRule, String init, String initSha256, long seed, String preset,
                           Schedule schedule, String selection, int selectedEpoch, float tauPixel, float tauImage,
                           ImageScoreMode imageScoreMode, String splitFingerprint, boolean splitFallback) {

    /** Current format version. */
    public static final int FORMAT = 1;
    /** File name in the run folder. */
    public static final String FILE_NAME = "config.json";

    /** Checks the fields {@code Lfd.load} relies on. */
    public LfdRunConfig {
        if (format != FORMAT) {
            throw new IllegalArgumentException("config.json format must be " + FORMAT + ", got " + format);
        }
        new org.anomalyforge.segmenter.lfd.LfdConfig(inputHeight, inputWidth, seed);      // size rule (§4)
        if (!"IMAGENET".equals(normalization)) {
            throw new IllegalArgumentException("config.json normalization must be IMAGENET, got " + normalization);
        }
        Objects.requireNonNull(imageScoreMode, "config.json imageScoreMode");
        Objects.requireNonNull(schedule, "config.json schedule");
        if (!(tauPixel >= 0f && tauPixel <= 1f)) {
            throw new IllegalArgumentException("config.json tauPixel must be in [0, 1], got " + tauPixel);
        }
        if (!Float.isFinite(tauImage)) {
            throw new IllegalArgumentException("config.json tauImage must be finite, got " + tauImage);
        }
    }

    /**
     * The optimiser and schedule (§5.5–§5.6).
     *
     * @param optimizer       {@code torch.optim.SGD (exact)}
     * @param momentum        μ
     * @param weightDecay     λ (all trainable tensors)
     * @param lrMax           cosine start
     * @param lrMin           cosine floor
     * @param totalIterations T
     * @param epochs          epochs budget
     * @param iterationCap    cap on T
     * @param batchSize       B
     * @param augmentation    §5.3 preset
     * @param minKept         OHEM k rule
     */
    public record Schedule(String optimizer, double momentum, double weightDecay, double lrMax, double lrMin,
                           long totalIterations, int epochs, int iterationCap, int batchSize, String augmentation,
                           String minKept) {
    }
}
