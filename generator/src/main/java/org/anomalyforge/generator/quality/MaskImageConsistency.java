package org.anomalyforge.generator.quality;

import java.util.Arrays;
import java.util.List;
import org.anomalyforge.ingest.image.BinaryMask;
import org.anomalyforge.ingest.image.RgbImage;

/**
 * seas.md §11.3, the paired-difference test: does the generated mask cover what the defect prompt changed? Each pair
 * is one generation under the defect prompt and its twin under {@code a ob1} with the same seed, reference and noise,
 * so the two differ only through the defect condition. Per pixel D = mean over RGB of |x_defect − x_normal| / 255.
 *
 * <ul>
 *   <li>pixel AUROC of D against the mask, pooled over all pairs (ties count ½), NaN without both classes;</li>
 *   <li>energy ratio mean(D inside the mask) / mean(D outside), pooled; NaN without both regions, +∞ when D is zero
 *       outside but not inside;</li>
 *   <li>best-threshold IoU: per pair with a non-empty mask the best IoU of [D ≥ t] over every t, then the mean
 *       (the SeaS protocol of §11.1's IoU); NaN when every mask is empty.</li>
 * </ul>
 */
public final class MaskImageConsistency {

    /** One paired generation; both images and the mask share one size. */
    public record Pair(RgbImage defect, RgbImage normal, BinaryMask mask) {
        public Pair {
            if (defect.width() != normal.width() || defect.height() != normal.height()
                    || mask.width() != defect.width() || mask.height() != defect.height()) {
                throw new IllegalArgumentException("paired-difference sizes differ: defect " + defect.width() + "×"
                        + defect.height() + ", normal " + normal.width() + "×" + normal.height() + ", mask "
                        + mask.width() + "×" + mask.height());
            }
        }
    }

    /**
     * @param pairs       pairs measured
     * @param emptyMasks  pairs whose mask is empty (they add negatives to the AUROC, nothing to the IoU)
     * @param pixelAuroc  pooled pixel AUROC of D against the masks
     * @param energyRatio pooled mean D inside the masks over mean D outside
     * @param meanD       pooled mean D over all pixels, in [0, 1]: how much the defect prompt changed the image
     * @param bestIou     mean per-pair best-threshold IoU over pairs with a non-empty mask
     */
    public record Result(int pairs, int emptyMasks, double pixelAuroc, double energyRatio, double meanD,
                         double bestIou) {}

    private MaskImageConsistency() {}

    public static Result measure(List<Pair> pairs) {
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException("the paired-difference test needs at least one pair, got none");
        }
        int total = pairs.stream().mapToInt(p -> p.mask().width() * p.mask().height()).sum();
        float[] d = new float[total];
        boolean[] inside = new boolean[total];
        int offset = 0;
        int empty = 0;
        double iouSum = 0;
        int iouCount = 0;
        for (Pair p : pairs) {
            float[] di = difference(p.defect(), p.normal());
            byte[] m = p.mask().pixels();
            System.arraycopy(di, 0, d, offset, di.length);
            boolean any = false;
            for (int i = 0; i < m.length; i++) {
                inside[offset + i] = m[i] != 0;
                any |= m[i] != 0;
            }
            if (any) {
                iouSum += bestIou(di, m);
                iouCount++;
            } else {
                empty++;
            }
            offset += di.length;
        }
        double in = 0;
        double out = 0;
        long nIn = 0;
        double all = 0;
        for (int i = 0; i < total; i++) {
            all += d[i];
            if (inside[i]) {
                in += d[i];
                nIn++;
            } else {
                out += d[i];
            }
        }
        long nOut = total - nIn;
        double ratio = nIn == 0 || nOut == 0 ? Double.NaN : (in / nIn) / (out / nOut);
        return new Result(pairs.size(), empty, auroc(d, inside), ratio, all / total,
                iouCount == 0 ? Double.NaN : iouSum / iouCount);
    }

    /** D per pixel: mean over the three channels of |a − b| / 255. */
    static float[] difference(RgbImage a, RgbImage b) {
        byte[] pa = a.pixels();
        byte[] pb = b.pixels();
        float[] d = new float[a.width() * a.height()];
        for (int i = 0; i < d.length; i++) {
            int sum = 0;
            for (int c = 0; c < 3; c++) {
                sum += Math.abs((pa[3 * i + c] & 0xff) - (pb[3 * i + c] & 0xff));
            }
            d[i] = sum / (3f * 255f);
        }
        return d;
    }

    /** Mann–Whitney AUROC: P(score of a positive > score of a negative), ties ½; NaN without both classes. */
    static double auroc(float[] score, boolean[] positive) {
        Integer[] order = order(score, false);
        long positives = 0;
        double rankSum = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j < order.length && score[order[j]] == score[order[i]]) {
                j++;
            }
            double midRank = (i + 1 + j) / 2.0;     // ranks i+1 … j share their mean
            for (int k = i; k < j; k++) {
                if (positive[order[k]]) {
                    positives++;
                    rankSum += midRank;
                }
            }
            i = j;
        }
        long negatives = score.length - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    /** max over thresholds t of IoU([D ≥ t], mask), sweeping D's distinct values from high to low; mask 0/1. */
    static double bestIou(float[] d, byte[] mask) {
        Integer[] order = order(d, true);
        long positives = 0;
        for (byte m : mask) {
            positives += m;
        }
        long tp = 0;
        long fp = 0;
        double best = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j < order.length && d[order[j]] == d[order[i]]) {
                if (mask[order[j]] != 0) {
                    tp++;
                } else {
                    fp++;
                }
                j++;
            }
            best = Math.max(best, tp / (double) (positives + fp));     // IoU = TP / (TP + FP + FN), FN = P − TP
            i = j;
        }
        return best;
    }

    /** Indices of {@code v} sorted by value, ascending or descending. */
    private static Integer[] order(float[] v, boolean descending) {
        Integer[] order = new Integer[v.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, descending ? (x, y) -> Float.compare(v[y], v[x]) : (x, y) -> Float.compare(v[x], v[y]));
        return order;
    }
}
