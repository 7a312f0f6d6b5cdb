package org.anomalyforge.generator.quality;

import java.util.List;
import java.util.stream.IntStream;
import org.anomalyforge.ingest.image.BinaryMask;
import org.anomalyforge.ingest.image.RgbImage;

/** A hand-checkable distance for tests: images are 1×1 greys, d = |a − b| / 255. */
final class GreyDistance implements PerceptualDistance {

    @Override
    public String name() {
        return "grey";
    }

    @Override
    public double distance(RgbImage a, RgbImage b) {
        return Math.abs(a.get(0, 0, 0) - b.get(0, 0, 0)) / 255.0;
    }

    static RgbImage grey(int v) {
        RgbImage image = RgbImage.blank(1, 1);
        image.set(0, 0, v, v, v);
        return image;
    }

    static List<RgbImage> greys(int... values) {
        return IntStream.of(values).mapToObj(GreyDistance::grey).toList();
    }

    /** Generated samples of the given greys, seeds 0, 1, …, with a set 1×1 mask. */
    static List<GeneratedSample> samples(int... values) {
        return IntStream.range(0, values.length)
                .mapToObj(i -> new GeneratedSample(grey(values[i]), new BinaryMask(1, 1, new byte[] {1}), i)).toList();
    }
}
