package org.anomalyforge.segmenter.metrics;

import java.util.Locale;

/** Report formatting of metric values: ×100 with two decimals (§7.1), and "n/a" for undefined (NaN). */
public final class MetricsFormat {

    /** Printed for an undefined metric. */
    public static final String NOT_AVAILABLE = "n/a";

    private MetricsFormat() {}

    /** {@code value} ∈ [0, 1] as a percentage with two decimals, e.g. 0.770833 → "77.08"; NaN → "n/a". */
    public static String percent(double value) {
        if (Double.isNaN(value)) {
            return NOT_AVAILABLE;
        }
        return String.format(Locale.ROOT, "%.2f", 100.0 * value);
    }
}
