package org.anomalyforge.jobs.segmenter;

import java.util.List;
import java.util.Map;
import org.anomalyforge.jobs.cli.TextTable;
import org.anomalyforge.segmenter.metrics.AnomalyMetrics;
import org.anomalyforge.segmenter.metrics.MetricName;
import org.anomalyforge.segmenter.metrics.MetricsFormat;

/** The metric table printed by {@code forge segmenter evaluate} and the demo (percent, "n/a" if undefined). */
public final class MetricsTable {
    /** The columns shown on a terminal; metrics.json has all of them. */
    static final List<MetricName> COLUMNS = List.of(MetricName.IMAGE_AUROC, MetricName.IMAGE_AP,
            MetricName.PIXEL_AUROC, MetricName.PIXEL_AP, MetricName.PIXEL_F1_MAX, MetricName.IOU,
            MetricName.STRICT_IOU, MetricName.AUPRO);

    private MetricsTable() {}

    public static String of(Map<String, Map<String, AnomalyMetrics>> metrics) {
        String[] header = new String[COLUMNS.size() + 3];
        header[0] = "product";
        header[1] = "defect type";
        header[2] = "images";
        for (int i = 0; i < COLUMNS.size(); i++) {
            header[i + 3] = COLUMNS.get(i).label();
        }
        TextTable t = new TextTable(header);
        metrics.forEach((product, types) -> types.forEach((type, m) -> {
            Object[] row = new Object[header.length];
            row[0] = product;
            row[1] = type;
            row[2] = m.counts().images();
            for (int i = 0; i < COLUMNS.size(); i++) {
                row[i + 3] = MetricsFormat.percent(COLUMNS.get(i).of(m));
            }
            t.row(row);
        }));
        return t.toString();
    }
}
