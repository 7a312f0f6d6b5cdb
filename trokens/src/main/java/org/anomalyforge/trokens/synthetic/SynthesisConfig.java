package org.anomalyforge.trokens.synthetic;

/**
 * Size and rate of synthetic clips. The spec's clip length is the stream window ({@code windowSeconds = 3.2}
 * s at 10 fps = 32 frames); tests use smaller sizes.
 *
 * @param width  frame width, 64..512
 * @param height frame height, 48..512
 * @param frames frames per clip, 8..256
 * @param fps    frame rate stored in the AVI, &gt; 0
 */
public record SynthesisConfig(int width, int height, int frames, double fps) {

    /** 128×96, 32 frames at 10 fps. */
    public static final SynthesisConfig DEFAULT = new SynthesisConfig(128, 96, 32, 10);

    public SynthesisConfig {
        if (width < 64 || width > 512 || height < 48 || height > 512) {
            throw new IllegalArgumentException("synthetic frame size must be 64..512 × 48..512, got " + width + "×"
                    + height);
        }
        if (frames < 8 || frames > 256) {
            throw new IllegalArgumentException("synthetic frames must be 8..256, got " + frames);
        }
        if (!(fps > 0) || !Double.isFinite(fps)) {
            throw new IllegalArgumentException("synthetic fps must be finite and > 0, got " + fps);
        }
    }
}
