package org.anomalyforge.segmenter.metrics;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The unweighted mean over classes of each metric (§7.1). A class whose metric is undefined (NaN) is
 * excluded from that metric's mean, with a warning naming the class (§7.4 edge cases); a metric undefined
 * for every class has mean NaN.
 *
 * @param means per metric, the mean over the classes where it is defined
 * @param classCounts per metric, how many classes entered the mean
 * @param warnings one line per excluded (class, metric)
 */
public record ClassMeans(Map<MetricName, Double> means, Map<MetricName, Integer> classCounts,
        List<String> warnings) {

    /** Copies the maps and the list. */
    public ClassMeans {
        means = Map.copyOf(means);
        classCounts = Map.copyOf(classCounts);
        warnings = List.copyOf(warnings);
    }

    /** Averages {@code perClass} (class name → metrics; iteration order decides warning order). */
    public static ClassMeans of(Map<String, AnomalyMetrics> perClass) {
        if (perClass == null || perClass.isEmpty()) {
            throw new IllegalArgumentException("perClass must hold at least one class, got "
                    + (perClass == null ? "null" : "an empty map"));
        }
        Map<MetricName, Double> means = new EnumMap<>(MetricName.class);
        Map<MetricName, Integer> counts = new EnumMap<>(MetricName.class);
        List<String> warnings = new ArrayList<>();
        for (MetricName metric : MetricName.values()) {
            double sum = 0.0;
            int defined = 0;
            for (Map.Entry<String, AnomalyMetrics> entry : perClass.entrySet()) {
                double value = metric.of(entry.getValue());
                if (Double.isNaN(value)) {
                    warnings.add(metric.label() + " of class '" + entry.getKey()
                            + "' is n/a and excluded from the mean");
                } else {
                    sum += value;
                    defined++;
                }
            }
            means.put(metric, defined == 0 ? Double.NaN : sum / defined);
            counts.put(metric, defined);
        }
        return new ClassMeans(means, counts, warnings);
    }

    /** The mean of one metric. */
    public double mean(MetricName metric) {
        return means.get(metric);
    }
}
