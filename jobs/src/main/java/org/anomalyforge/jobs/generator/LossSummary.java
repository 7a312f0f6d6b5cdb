package org.anomalyforge.jobs.generator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** First and last logged value of each loss curve, as one string column ("eps_mse=0.91:0.12;da=…"). */
final class LossSummary {
    private LossSummary() {}

    static String format(Map<String, List<Double>> curves) {
        StringBuilder s = new StringBuilder();
        new java.util.TreeMap<>(curves).forEach((name, values) -> {
            if (values.isEmpty()) {
                return;
            }
            if (s.length() > 0) {
                s.append(';');
            }
            s.append(name).append('=').append(String.format(Locale.ROOT, "%.6g:%.6g", values.get(0),
                    values.get(values.size() - 1)));
        });
        return s.toString();
    }

    static Map<String, double[]> parse(String s) {
        Map<String, double[]> out = new LinkedHashMap<>();
        if (s.isEmpty()) {
            return out;
        }
        for (String part : s.split(";")) {
            int eq = part.indexOf('=');
            String[] v = part.substring(eq + 1).split(":");
            out.put(part.substring(0, eq), new double[] {Double.parseDouble(v[0]), Double.parseDouble(v[1])});
        }
        return out;
    }
}
