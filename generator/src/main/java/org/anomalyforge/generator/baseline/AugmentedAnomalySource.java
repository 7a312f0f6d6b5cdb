package org.anomalyforge.generator.baseline;

import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;
import org.anomalyforge.ingest.image.RgbImage;

/**
 * DRAEM's source augmentation: after the inner source draws its image, {@code count} distinct augmentations
 * are drawn without replacement from {@code choices} and applied in the drawn order (DRAEM:
 * {@code np.random.choice(10, 3, replace=False)} over its ten imgaug augmenters).
 */
public final class AugmentedAnomalySource implements AnomalySource {
    /** DRAEM applies three augmentations per anomaly source image. */
    public static final int DRAEM_COUNT = 3;

    private final AnomalySource inner;
    private final List<SourceAugmentation> choices;
    private final int count;

    /**
     * @param inner   the source whose images are augmented
     * @param choices the augmentations to draw from, without repeats; their order fixes which draw picks which
     * @param count   how many distinct augmentations each image gets, in [0, choices.size()]
     */
    public AugmentedAnomalySource(AnomalySource inner, List<SourceAugmentation> choices, int count) {
        if (inner == null) {
            throw new IllegalArgumentException("inner source must not be null");
        }
        if (choices == null || choices.isEmpty() || choices.stream().anyMatch(choice -> choice == null)) {
            throw new IllegalArgumentException("choices must name at least one SourceAugmentation and no null, got "
                    + choices);
        }
        if (EnumSet.copyOf(choices).size() != choices.size()) {
            throw new IllegalArgumentException("choices must not repeat an augmentation, got " + choices);
        }
        if (count < 0 || count > choices.size()) {
            throw new IllegalArgumentException("count must be in [0, choices.size() = " + choices.size() + "], got "
                    + count);
        }
        this.inner = inner;
        this.choices = List.copyOf(choices);
        this.count = count;
    }

    /** DRAEM's setting: three of all {@link SourceAugmentation}s on top of {@code inner}. */
    public static AugmentedAnomalySource draem(AnomalySource inner) {
        return new AugmentedAnomalySource(inner, List.of(SourceAugmentation.values()), DRAEM_COUNT);
    }

    @Override
    public RgbImage texture(int width, int height, SplittableRandom rng) {
        RgbImage image = inner.texture(width, height, rng);
        int[] order = new int[choices.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        // Partial Fisher–Yates: the first `count` entries become a uniform draw without replacement.
        for (int i = 0; i < count; i++) {
            int j = i + rng.nextInt(order.length - i);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
            image = choices.get(order[i]).apply(image, rng);
        }
        return image;
    }
}
