package org.anomalyforge.generator.quality;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.anomalyforge.ingest.image.BinaryMask;
import org.anomalyforge.ingest.image.RgbImage;

/**
 * Collects one product's generated and real images and computes its {@link QualityReport}: for every defect
 * type the mask statistics (generated against the real few-shot masks), IC-D against the few-shot training
 * images and the memorisation check; for generated normal images, IC-D and memorisation against the normal
 * training images. The distance is pluggable; the default is {@link MsSsimDistance}.
 *
 * <p>Generated images must be added in generation order: IC-D assigns clusters in that order.
 */
public final class QualityReportBuilder {
    static final String SHOTS = "few-shot training images of the defect type";
    static final String NORMALS = "normal training images (train/good)";

    private final PerceptualDistance distance;
    private final int clusterCap;
    private final double copyThreshold;
    private final Map<String, Input> types = new LinkedHashMap<>();
    private Input normals;
    private TorchScriptFeatureNet inceptionNet;

    private record Input(List<GeneratedSample> generated, List<RgbImage> references, List<BinaryMask> realMasks,
                         String referenceSet) {}

    /** 1 − MS-SSIM, cluster cap 140, copy threshold 0.05. */
    public QualityReportBuilder() {
        this(new MsSsimDistance());
    }

    public QualityReportBuilder(PerceptualDistance distance) {
        this(distance, IntraClusterDiversity.DEFAULT_CAP, MemorisationCheck.DEFAULT_THRESHOLD);
    }

    public QualityReportBuilder(PerceptualDistance distance, int clusterCap, double copyThreshold) {
        this.distance = Objects.requireNonNull(distance, "distance");
        if (clusterCap < 1) {
            throw new IllegalArgumentException("cluster cap must be at least 1, got " + clusterCap);
        }
        if (!(copyThreshold > 0) || Double.isInfinite(copyThreshold)) {
            throw new IllegalArgumentException("copy threshold must be finite and > 0, got " + copyThreshold);
        }
        this.clusterCap = clusterCap;
        this.copyThreshold = copyThreshold;
    }

    /** A user-supplied Inception network: the report then states IS over the generated defect images. */
    public QualityReportBuilder inceptionNet(TorchScriptFeatureNet net) {
        this.inceptionNet = Objects.requireNonNull(net, "net");
        return this;
    }

    /**
     * Adds a defect type.
     *
     * @param generated its generated pairs in generation order (may be empty)
     * @param real      its real few-shot training shots with masks (may be empty)
     */
    public QualityReportBuilder defectType(String defectType, List<GeneratedSample> generated, List<RealShot> real) {
        Objects.requireNonNull(defectType, "defectType");
        if (defectType.equals(QualityReport.GOOD)) {
            throw new IllegalArgumentException("'" + QualityReport.GOOD + "' is the row of generated normal images; "
                    + "add them with normals(...)");
        }
        if (types.containsKey(defectType)) {
            throw new IllegalArgumentException("defect type '" + defectType + "' was already added");
        }
        types.put(defectType, new Input(List.copyOf(generated), real.stream().map(RealShot::image).toList(),
                real.stream().map(RealShot::mask).toList(), SHOTS));
        return this;
    }

    /**
     * Adds the generated normal images (their masks should be empty; the statistics show it if not).
     *
     * @param training the normal training images they are compared with
     */
    public QualityReportBuilder normals(List<GeneratedSample> generated, List<RgbImage> training) {
        return normals(generated, training, NORMALS);
    }

    /** As {@link #normals(List, List)}, describing the reference set (e.g. a subsample) in the report. */
    public QualityReportBuilder normals(List<GeneratedSample> generated, List<RgbImage> training,
                                        String referenceSet) {
        if (normals != null) {
            throw new IllegalArgumentException("generated normal images were already added");
        }
        normals = new Input(List.copyOf(generated), List.copyOf(training), List.of(), referenceSet);
        return this;
    }

    public QualityReport build(String product) {
        Objects.requireNonNull(product, "product");
        List<QualityReport.TypeQuality> rows = new ArrayList<>();
        types.forEach((type, input) -> rows.add(row(type, "anomaly", input)));
        if (normals != null) {
            rows.add(row(QualityReport.GOOD, "normal", normals));
        }
        Map<String, String> network = new LinkedHashMap<>();
        List<RgbImage> defectImages = new ArrayList<>();
        types.values().forEach(in -> in.generated().forEach(g -> defectImages.add(g.image())));
        network.put("IS", inceptionNet == null || defectImages.isEmpty() ? QualityReport.NOT_AVAILABLE
                : String.format(java.util.Locale.ROOT, "%.4f over %d generated defect images with %s",
                        inceptionNet.inceptionScore(defectImages), defectImages.size(), inceptionNet.name()));
        network.put("KID", QualityReport.NOT_AVAILABLE);
        network.put("IC-LPIPS", distance instanceof TorchScriptDistance
                ? "the IC-D column, computed with " + distance.name() : QualityReport.NOT_AVAILABLE);
        return new QualityReport(product, distance.name(), "IC-(" + distance.name() + ")", clusterCap, copyThreshold,
                network, rows);
    }

    private QualityReport.TypeQuality row(String type, String kind, Input in) {
        List<GeneratedSample> gen = in.generated();
        MaskStatistics.Summary genMasks = gen.isEmpty() ? null
                : MaskStatistics.of(gen.stream().map(GeneratedSample::mask).toList());
        MaskStatistics.Summary realMasks = in.realMasks().isEmpty() ? null : MaskStatistics.of(in.realMasks());
        IntraClusterDiversity.Result icd = null;
        MemorisationCheck.Result memorisation = null;
        if (!gen.isEmpty() && !in.references().isEmpty()) {
            ImageDistances d = ImageDistances.compute(distance, in.references(),
                    gen.stream().map(GeneratedSample::image).toList());
            icd = IntraClusterDiversity.compute(d, clusterCap);
            memorisation = MemorisationCheck.compute(d, copyThreshold);
        }
        return new QualityReport.TypeQuality(type, kind, in.referenceSet(), gen.size(), in.references().size(),
                gen.stream().map(GeneratedSample::seed).toList(), genMasks, realMasks, icd, memorisation);
    }
}
