package org.anomalyforge.generator.baseline;

import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;
import org.anomalyforge.ingest.image.RgbImage;

/**
 * Seeded procedural textures in random colours: each call draws one of the configured {@link TexturePattern}s,
 * then the pattern's own parameters, from the caller's stream. Immutable and thread-safe.
 */
public final class ProceduralTextureSource implements AnomalySource {
    private final List<TexturePattern> patterns;

    /** @param patterns the patterns to choose from uniformly, non-empty, without repeats */
    public ProceduralTextureSource(List<TexturePattern> patterns) {
        if (patterns == null || patterns.isEmpty()) {
            throw new IllegalArgumentException("patterns must name at least one TexturePattern, got " + patterns);
        }
        if (patterns.stream().anyMatch(pattern -> pattern == null)) {
            throw new IllegalArgumentException("patterns must not contain null, got " + patterns);
        }
        if (EnumSet.copyOf(patterns).size() != patterns.size()) {
            throw new IllegalArgumentException("patterns must not repeat a pattern, got " + patterns);
        }
        this.patterns = List.copyOf(patterns);
    }

    /** All patterns, in declaration order. */
    public static ProceduralTextureSource allPatterns() {
        return new ProceduralTextureSource(List.of(TexturePattern.values()));
    }

    /** The patterns drawn from, in the order given (the order fixes which draw picks which). */
    public List<TexturePattern> patterns() {
        return patterns;
    }

    @Override
    public RgbImage texture(int width, int height, SplittableRandom rng) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("texture size must be at least 1×1, got " + width + "×" + height);
        }
        TexturePattern pattern = patterns.get(rng.nextInt(patterns.size()));
        RgbImage image = RgbImage.blank(width, height);
        pattern.paint(image.pixels(), width, height, rng);
        return image;
    }
}
