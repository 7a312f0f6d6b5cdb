package org.anomalyforge.generator.quality;

import java.util.List;
import java.util.function.IntToDoubleFunction;
import java.util.stream.IntStream;
import org.anomalyforge.ingest.image.RgbImage;

/**
 * The distances IC-D and the memorisation check need, computed once: generated × reference (eagerly, the
 * g × r matrix both use) and generated × generated (on demand, only within clusters).
 *
 * <p>With a {@link PreparedDistance} every generated image is prepared once and kept; reference images are
 * prepared one at a time and dropped, so a large reference set (all normal training images) costs no memory.
 * Matrix entries are computed in parallel and each lands in its own cell, so results do not depend on
 * scheduling.
 */
public final class ImageDistances {
    private final String distanceName;
    private final int references;
    private final double[][] toReference;
    private final PairDistance withinGenerated;

    /** d between generated images i and j. */
    @FunctionalInterface
    public interface PairDistance {
        double between(int i, int j);
    }

    private ImageDistances(String distanceName, int references, double[][] toReference, PairDistance within) {
        this.distanceName = distanceName;
        this.references = references;
        this.toReference = toReference;
        this.withinGenerated = within;
    }

    /**
     * @param reference the "real set" (few-shot training images of a defect type, or normal training images)
     * @param generated generated images in generation order
     */
    public static ImageDistances compute(PerceptualDistance distance, List<RgbImage> reference,
                                         List<RgbImage> generated) {
        if (reference.isEmpty()) {
            throw new IllegalArgumentException("the reference set is empty: IC-D and memorisation need at least one "
                    + "real image");
        }
        if (distance instanceof PreparedDistance<?> prepared) {
            return computePrepared(prepared, List.copyOf(reference), List.copyOf(generated));
        }
        List<RgbImage> gen = List.copyOf(generated);
        List<RgbImage> ref = List.copyOf(reference);
        double[][] m = new double[gen.size()][ref.size()];
        for (int r = 0; r < ref.size(); r++) {
            RgbImage real = ref.get(r);
            fillColumn(m, r, i -> checked(distance, distance.distance(gen.get(i), real)));
        }
        return new ImageDistances(distance.name(), ref.size(), m,
                (i, j) -> checked(distance, distance.distance(gen.get(i), gen.get(j))));
    }

    /** Builds from an explicit matrix, for callers that computed the distances themselves. */
    public static ImageDistances of(String distanceName, int references, double[][] toReference,
                                    PairDistance withinGenerated) {
        if (references < 1) {
            throw new IllegalArgumentException("the reference set is empty: IC-D and memorisation need at least one "
                    + "real image");
        }
        int refs = references;
        double[][] copy = new double[toReference.length][];
        for (int i = 0; i < copy.length; i++) {
            if (toReference[i].length != refs) {
                throw new IllegalArgumentException("row " + i + " of the distance matrix has " + toReference[i].length
                        + " entries, expected one per reference image (" + refs + ")");
            }
            copy[i] = toReference[i].clone();
        }
        return new ImageDistances(distanceName, refs, copy, withinGenerated);
    }

    private static <P> ImageDistances computePrepared(PreparedDistance<P> distance, List<RgbImage> reference,
                                                      List<RgbImage> generated) {
        List<P> gen = generated.parallelStream().map(distance::prepare).toList();
        double[][] m = new double[gen.size()][reference.size()];
        for (int r = 0; r < reference.size(); r++) {
            P real = distance.prepare(reference.get(r));
            fillColumn(m, r, i -> checked(distance, distance.distance(gen.get(i), real)));
        }
        return new ImageDistances(distance.name(), reference.size(), m,
                (i, j) -> checked(distance, distance.distance(gen.get(i), gen.get(j))));
    }

    private static void fillColumn(double[][] m, int column, IntToDoubleFunction d) {
        IntStream.range(0, m.length).parallel().forEach(i -> m[i][column] = d.applyAsDouble(i));
    }

    private static double checked(PerceptualDistance distance, double d) {
        if (!(d >= 0) || Double.isInfinite(d)) {
            throw new IllegalStateException(distance.name() + " returned " + d + "; a distance must be finite and ≥ 0");
        }
        return d;
    }

    public String distanceName() {
        return distanceName;
    }

    public int generatedCount() {
        return toReference.length;
    }

    public int referenceCount() {
        return references;
    }

    /** d(generated i, reference r). */
    public double toReference(int i, int r) {
        return toReference[i][r];
    }

    /** d(generated i, generated j). */
    public double betweenGenerated(int i, int j) {
        return withinGenerated.between(i, j);
    }
}
