package org.anomalyforge.jobs.dataset;

import java.util.OptionalInt;
import org.anomalyforge.ingest.dataset.Dataset;
import org.anomalyforge.ingest.dataset.DefectSplit;
import org.anomalyforge.ingest.dataset.DefectType;
import org.anomalyforge.ingest.dataset.FewShotSplit;
import org.anomalyforge.ingest.dataset.GroupStats;
import org.anomalyforge.ingest.dataset.Product;
import org.anomalyforge.ingest.dataset.ProductSplit;
import org.anomalyforge.ingest.dataset.ValidationReport;
import org.anomalyforge.jobs.cli.TextTable;

/** The tables and lines that {@code forge dataset check} and {@code forge demo} print about a dataset. */
public final class DatasetSummary {

    private DatasetSummary() {}

    /** Image and mask files the validator will decode. */
    public static long fileCount(Dataset dataset) {
        long n = 0;
        for (Product p : dataset.products()) {
            n += p.trainGood().size() + p.testGood().size();
            for (DefectType d : p.defects()) {
                n += d.images().size() + d.images().stream().filter(i -> i.mask().isPresent()).count();
            }
        }
        return n;
    }

    /** One row per product group: images, masks, training part, held-out part, sizes. */
    public static String splitTable(ValidationReport report, OptionalInt maxShots) {
        boolean capped = maxShots.isPresent();
        TextTable t = capped
                ? new TextTable("product", "group", "images", "masks", "train", "held out", "unused", "sizes")
                : new TextTable("product", "group", "images", "masks", "train", "held out", "sizes");
        for (Product product : report.dataset().products()) {
            ProductSplit split = FewShotSplit.of(product, maxShots);
            for (GroupStats g : report.groups()) {
                if (!g.product().equals(product.name())) {
                    continue;
                }
                int train;
                int held;
                int unused = 0;
                String masks = "-";
                if (g.group().equals("train/good")) {
                    train = g.images();
                    held = 0;
                } else if (g.group().equals("test/good")) {
                    train = 0;
                    held = g.images();
                } else {
                    DefectSplit d = split.defect(g.group()).orElseThrow();
                    train = d.shots().size();
                    held = d.heldOut().size();
                    unused = d.unused().size();
                    masks = Integer.toString(g.masks());
                }
                if (capped) {
                    t.row(product.name(), g.group(), g.images(), masks, train, held, unused, g.sizes());
                } else {
                    t.row(product.name(), g.group(), g.images(), masks, train, held, g.sizes());
                }
            }
        }
        return t.toString();
    }

    /** "OK: 3 products, 9 defect types, 270 images; 0 errors, 2 warnings". */
    public static String closingLine(ValidationReport report) {
        Dataset d = report.dataset();
        int types = d.products().stream().mapToInt(p -> p.defects().size()).sum();
        long images = report.groups().stream().mapToLong(GroupStats::images).sum();
        return (report.ok() ? "OK" : "FAILED") + ": " + d.products().size() + " product(s), " + types
                + " defect type(s), " + images + " images; " + report.errors().size() + " error(s), "
                + report.warnings().size() + " warning(s)";
    }
}
