package org.anomalyforge.jobs.clips;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.anomalyforge.trokens.clips.ClipManifest;
import org.anomalyforge.trokens.synthetic.ActionClass;

/**
 * How classes are spread over the {@code train}, {@code val} and {@code test} splits. Few-shot evaluation needs
 * disjoint classes per split (spec §4.3), so whole classes are assigned, never single clips: the class counts are
 * the largest-remainder rounding of {@code n · ratio / sum}, and classes fill train, then val, then test in the
 * order they were given. The default {@code 8:0:5} is the spec's 8 base + 5 novel classes for all 13.
 *
 * @param weights train, val and test weights, each ≥ 0, sum &gt; 0
 */
public record SplitRatios(List<Double> weights) {

    public SplitRatios {
        weights = List.copyOf(weights);
        if (weights.size() != ClipManifest.SPLITS.size()) {
            throw new IllegalArgumentException("split needs 3 weights (train:val:test), got " + weights.size());
        }
        double sum = 0;
        for (double w : weights) {
            if (!(w >= 0) || !Double.isFinite(w)) {
                throw new IllegalArgumentException("split weights must be finite and >= 0, got " + weights);
            }
            sum += w;
        }
        if (!(sum > 0)) {
            throw new IllegalArgumentException("split weights must not all be 0, got " + weights);
        }
    }

    /**
     * Parses {@code train:val:test} weights (e.g. {@code 8:0:5}) or a single split name, which puts every class
     * into that split.
     */
    public static SplitRatios parse(String text) {
        String s = text.strip();
        int named = ClipManifest.SPLITS.indexOf(s);
        if (named >= 0) {
            Double[] w = {0.0, 0.0, 0.0};
            w[named] = 1.0;
            return new SplitRatios(List.of(w));
        }
        String[] parts = s.split(":", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("split must be train:val:test weights like 8:0:5 or one of "
                    + ClipManifest.SPLITS + ", got '" + text + "'");
        }
        Double[] w = new Double[3];
        for (int i = 0; i < 3; i++) {
            try {
                w[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("split weight for " + ClipManifest.SPLITS.get(i)
                        + " must be a number, got '" + parts[i] + "' in '" + text + "'", e);
            }
        }
        return new SplitRatios(List.of(w));
    }

    /** Classes per split {@code [train, val, test]} for {@code n} classes (largest remainder, ties to the earlier split). */
    public int[] counts(int n) {
        double sum = weights.stream().mapToDouble(Double::doubleValue).sum();
        int[] counts = new int[3];
        double[] remainder = new double[3];
        int given = 0;
        for (int i = 0; i < 3; i++) {
            double quota = n * weights.get(i) / sum;
            counts[i] = (int) Math.floor(quota);
            remainder[i] = quota - counts[i];
            given += counts[i];
        }
        for (; given < n; given++) {
            int best = 0;
            for (int i = 1; i < 3; i++) {
                if (remainder[i] > remainder[best]) {
                    best = i;
                }
            }
            counts[best]++;
            remainder[best] = -1;
        }
        return counts;
    }

    /** The split of each class, in the order given. */
    public Map<ActionClass, String> assign(List<ActionClass> classes) {
        int[] counts = counts(classes.size());
        Map<ActionClass, String> out = new LinkedHashMap<>();
        int split = 0;
        int used = 0;
        for (ActionClass c : classes) {
            while (used == counts[split]) {
                split++;
                used = 0;
            }
            out.put(c, ClipManifest.SPLITS.get(split));
            used++;
        }
        return out;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s:%s:%s", fmt(weights.get(0)), fmt(weights.get(1)), fmt(weights.get(2)));
    }

    private static String fmt(double w) {
        return w == Math.rint(w) ? Long.toString((long) w) : Double.toString(w);
    }
}
