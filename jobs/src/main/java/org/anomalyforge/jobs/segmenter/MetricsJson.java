package org.anomalyforge.jobs.segmenter;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.anomalyforge.segmenter.metrics.AnomalyMetrics;
import org.anomalyforge.segmenter.metrics.MetricName;

/** {@code metrics.json} of an evaluation: per product, per defect type and "all", every metric (null = n/a). */
final class MetricsJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private MetricsJson() {}

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
                n.putNull(name.name().toLowerCase(java.util.Locale.ROOT));
            } else {
                n.put(name.name().toLowerCase(java.util.Locale.ROOT), v);
            }
        }
        n.put("tau_pixel", m.tauPixel());
        n.put("images", m.counts().images());
        n.put("anomalous_images", m.counts().anomalousImages());
        n.putPOJO("warnings", m.warnings());
        return n;
    }
}
