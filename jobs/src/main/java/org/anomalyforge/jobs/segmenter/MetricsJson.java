package org.anomalyforge.jobs.segmenter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.anomalyforge.segmenter.metrics.AnomalyMetrics;
import org.anomalyforge.segmenter.metrics.MetricName;

/** {@code metrics.json} of an evaluation: per product, per defect type and "all", every metric (null = n/a). */
public final class MetricsJson {
    /** The file name inside an evaluation folder. */
    public static final String FILE = "metrics.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * What a written file holds.
     *
     * @param model    the evaluated run folder, as the evaluation named it
     * @param products per product, per defect type (and "all"), every {@link MetricName}; NaN where n/a
     */
    public record Contents(String model, Map<String, Map<String, Map<MetricName, Double>>> products) {}

    private MetricsJson() {}

    /** Reads a file {@link #write} wrote; a missing metric is an error naming the file and the field. */
    public static Contents read(Path file) throws IOException {
        JsonNode root = JSON.readTree(file.toFile());
        Map<String, Map<String, Map<MetricName, Double>>> products = new LinkedHashMap<>();
        root.path("products").fields().forEachRemaining(product -> {
            Map<String, Map<MetricName, Double>> types = new LinkedHashMap<>();
            product.getValue().fields().forEachRemaining(type -> {
                Map<MetricName, Double> metrics = new EnumMap<>(MetricName.class);
                for (MetricName name : MetricName.values()) {
                    JsonNode v = type.getValue().get(key(name));
                    if (v == null) {
                        throw new IllegalArgumentException(file + ": field '" + key(name) + "' is missing in "
                                + product.getKey() + "/" + type.getKey());
                    }
                    metrics.put(name, v.isNull() ? Double.NaN : v.asDouble());
                }
                types.put(type.getKey(), metrics);
            });
            products.put(product.getKey(), types);
        });
        return new Contents(root.path("model").asText(), products);
    }

    static void write(Path file, SegmenterEvaluateJob.Report report) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("model", report.runDir());
        root.put("images", report.images());
        ObjectNode products = root.putObject("products");
        report.metrics().forEach((product, types) -> {
            ObjectNode p = products.putObject(product);
            types.forEach((type, m) -> p.set(type, node(m)));
        });
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.write(tmp, JSON.writeValueAsBytes(root));
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static ObjectNode node(AnomalyMetrics m) {
        ObjectNode n = JSON.createObjectNode();
        for (MetricName name : MetricName.values()) {
            double v = name.of(m);
            if (Double.isNaN(v)) {
                n.putNull(key(name));
            } else {
                n.put(key(name), v);
            }
        }
        n.put("tau_pixel", m.tauPixel());
        n.put("images", m.counts().images());
        n.put("anomalous_images", m.counts().anomalousImages());
        n.putPOJO("warnings", m.warnings());
        return n;
    }

    /** The JSON field of a metric, e.g. {@code image_auroc}. */
    private static String key(MetricName name) {
        return name.name().toLowerCase(Locale.ROOT);
    }
}
