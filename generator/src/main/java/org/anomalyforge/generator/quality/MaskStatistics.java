package org.anomalyforge.generator.quality;

import java.util.Arrays;
import java.util.List;
import org.anomalyforge.ingest.image.BinaryMask;
import org.anomalyforge.ingest.image.OpenCv;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

/**
 * The mask statistics of seas.md §11.2 for one set of masks (one defect type's generated masks, or its real
 * few-shot masks for comparison): empty-mask rate, mean and median defect area fraction, and the mean number of
 * 8-connected components per mask. Area fractions are per mask (defect pixels / all pixels), so masks of
 * different resolutions compare; empty masks take part in every mean with area 0 and 0 components.
 */
public final class MaskStatistics {

    /**
     * @param masks          number of masks
     * @param emptyRate      fraction of masks without a defect pixel
     * @param meanArea       mean defect area fraction
     * @param medianArea     median defect area fraction (mean of the two middle values for an even count)
     * @param meanComponents mean number of 8-connected defect components per mask
     * @param areas          per mask, its area fraction, in input order
     * @param components     per mask, its component count, in input order
     */
    public record Summary(int masks, double emptyRate, double meanArea, double medianArea, double meanComponents,
                          List<Double> areas, List<Integer> components) {
        public Summary {
            areas = List.copyOf(areas);
            components = List.copyOf(components);
        }
    }

    private MaskStatistics() {}

    /** Statistics of {@code masks}; at least one mask. */
    public static Summary of(List<BinaryMask> masks) {
        if (masks.isEmpty()) {
            throw new IllegalArgumentException("no masks to summarise");
        }
        int n = masks.size();
        double[] areas = new double[n];
        int[] components = new int[n];
        int empty = 0;
        for (int i = 0; i < n; i++) {
            BinaryMask m = masks.get(i);
            areas[i] = m.coverage();
            components[i] = components(m);
            if (components[i] == 0) {
                empty++;
            }
        }
        double[] sorted = areas.clone();
        Arrays.sort(sorted);
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return new Summary(n, (double) empty / n, Arrays.stream(areas).sum() / n, median,
                (double) Arrays.stream(components).sum() / n,
                Arrays.stream(areas).boxed().toList(), Arrays.stream(components).boxed().toList());
    }

    /** Number of 8-connected defect components (OpenCV {@code connectedComponents}, background excluded). */
    public static int components(BinaryMask mask) {
        OpenCv.ensureLoaded();
        Mat src = new Mat(mask.height(), mask.width(), CvType.CV_8UC1);
        Mat labels = new Mat();
        try {
            src.put(0, 0, mask.pixels());
            return Imgproc.connectedComponents(src, labels, 8, CvType.CV_32S) - 1;
        } finally {
            src.release();
            labels.release();
        }
    }
}
