package org.anomalyforge.generator.quality;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The weight-free quality report of one product's generated pairs (seas.md §11.2): per defect type (and one
 * {@value #GOOD} row for generated normal images) the mask statistics against the real few-shot masks,
 * IC-D with the recorded distance, and the memorisation check. Built by {@link QualityReportBuilder}.
 *
 * @param product         product name
 * @param distance        name of the distance d, e.g. {@code 1-MS-SSIM}
 * @param icdMetric       the IC-D column name, {@code IC-(<distance>)}; never comparable with IC-LPIPS
 * @param clusterCap      IC-D cluster cap
 * @param copyThreshold   memorisation threshold on d
 * @param networkMetrics  IS, KID, IC-LPIPS: "n/a" unless a user network is supplied (none is computed here)
 * @param types           one row per defect type in the order given, then {@value #GOOD} if present
 */
public record QualityReport(String product, String distance, String icdMetric, int clusterCap, double copyThreshold,
                            Map<String, String> networkMetrics, List<TypeQuality> types) {

    /** The row name of generated normal images. */
    public static final String GOOD = "good";
    public static final String NOT_AVAILABLE = "n/a";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public QualityReport {
        networkMetrics = Collections.unmodifiableMap(new LinkedHashMap<>(networkMetrics));
        types = List.copyOf(types);
    }

    /**
     * One row.
     *
     * @param defectType     defect type, or {@value #GOOD} for generated normal images
     * @param kind           {@code anomaly} or {@code normal}
     * @param referenceSet   what the real set of IC-D and memorisation is
     * @param generated      generated images in the row
     * @param references     real images in the reference set
     * @param seeds          seeds of the generated images, in generation order (IC-D and memorisation lists align)
     * @param generatedMasks mask statistics of the generated masks; null without generated images
     * @param realMasks      mask statistics of the real few-shot masks; null for {@value #GOOD} or without shots
     * @param icd            IC-D; null without generated or reference images
     * @param memorisation   memorisation check; null without generated or reference images
     */
    public record TypeQuality(String defectType, String kind, String referenceSet, int generated, int references,
                              List<Long> seeds, MaskStatistics.Summary generatedMasks, MaskStatistics.Summary realMasks,
                              IntraClusterDiversity.Result icd, MemorisationCheck.Result memorisation) {
        public TypeQuality {
            seeds = List.copyOf(seeds);
        }
    }

    /** The row of {@code defectType}, if any. */
    public Optional<TypeQuality> type(String defectType) {
        return types.stream().filter(t -> t.defectType().equals(defectType)).findFirst();
    }

    /** Indented JSON of this report. */
    public String toJson() {
        return toJson(this);
    }

    /** Indented JSON of any value holding reports (a list of them, or a map with run details). */
    public static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the quality report as JSON: " + e.getMessage(), e);
        }
    }
}
