package org.anomalyforge.generator.quality;

import static org.anomalyforge.generator.quality.GreyDistance.grey;
import static org.anomalyforge.generator.quality.GreyDistance.greys;
import static org.anomalyforge.generator.quality.GreyDistance.samples;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.anomalyforge.ingest.image.BinaryMask;
import org.anomalyforge.ingest.image.RgbImage;
import org.junit.jupiter.api.Test;

class QualityReportBuilderTest {
    private static final double EPS = 1e-15;

    private static RealShot shot(int grey, byte maskPixel) {
        return new RealShot(grey(grey), new BinaryMask(1, 2, new byte[] {maskPixel, 0}));
    }

    /**
     * crack: real 0 and 200 (masks with area 1/2 and 0); generated 10, 20, 190 (1×1 masks, area 1). Clusters
     * {10, 20} and {190}: IC-D = (10/255 + 0)/2 over both clusters, the same over the non-empty ones. Nearest
     * distances 10, 20, 10 (/255), two below 0.05 (= 12.75/255). good: generated 5 and 250 against normals 0 and 255.
     */
    @Test
    void computesEveryStatisticPerTypeAndWritesJson() throws Exception {
        QualityReport report = new QualityReportBuilder(new GreyDistance())
                .defectType("crack", samples(10, 20, 190), List.of(shot(0, (byte) 1), shot(200, (byte) 0)))
                .defectType("stain", List.of(), List.of(shot(50, (byte) 1)))
                .normals(List.of(new GeneratedSample(grey(5), BinaryMask.empty(1, 1), 40),
                        new GeneratedSample(grey(250), BinaryMask.empty(1, 1), 41)), greys(0, 255))
                .build("tile");
        assertEquals("tile", report.product());
        assertEquals("grey", report.distance());
        assertEquals("IC-(grey)", report.icdMetric());
        assertEquals(List.of("crack", "stain", "good"), report.types().stream().map(QualityReport.TypeQuality::defectType).toList());

        QualityReport.TypeQuality crack = report.type("crack").orElseThrow();
        assertEquals("anomaly", crack.kind());
        assertEquals(3, crack.generated());
        assertEquals(2, crack.references());
        assertEquals(List.of(0L, 1L, 2L), crack.seeds());
        assertEquals(1.0, crack.generatedMasks().meanArea());
        assertEquals(0.0, crack.generatedMasks().emptyRate());
        assertEquals(0.25, crack.realMasks().meanArea());
        assertEquals(0.5, crack.realMasks().emptyRate());
        assertEquals(List.of(2, 1), crack.icd().clusterSizes());
        assertEquals(10.0 / 255 / 2, crack.icd().icd(), EPS);
        assertEquals(10.0 / 255 / 2, crack.icd().icdNonEmptyClusters(), EPS);
        assertEquals(10.0 / 255, crack.memorisation().median(), EPS);
        assertEquals(2.0 / 3, crack.memorisation().fractionBelow(), EPS);

        QualityReport.TypeQuality stain = report.type("stain").orElseThrow();
        assertNull(stain.generatedMasks());
        assertNull(stain.icd());
        assertEquals(0.5, stain.realMasks().meanArea());

        QualityReport.TypeQuality good = report.type("good").orElseThrow();
        assertEquals("normal", good.kind());
        assertEquals(1.0, good.generatedMasks().emptyRate());
        assertNull(good.realMasks());
        assertEquals(5.0 / 255, good.memorisation().max(), EPS);
        assertEquals(1.0, good.memorisation().fractionBelow());     // 5/255 < 0.05: both look like copies

        JsonNode json = new ObjectMapper().readTree(report.toJson());
        assertEquals("IC-(grey)", json.get("icdMetric").asText());
        assertEquals("n/a", json.get("networkMetrics").get("IS").asText());
        assertEquals("n/a", json.get("networkMetrics").get("KID").asText());
        assertEquals("n/a", json.get("networkMetrics").get("IC-LPIPS").asText());
        assertEquals(10.0 / 255 / 2, json.get("types").get(0).get("icd").get("icd").asDouble(), EPS);
        assertEquals(0.05, json.get("copyThreshold").asDouble());
        assertEquals(140, json.get("clusterCap").asInt());
        assertEquals(QualityReportBuilder.SHOTS, json.get("types").get(0).get("referenceSet").asText());
        assertEquals(true, json.get("types").get(1).get("icd").isNull());
    }

    /** The default distance on real-sized images: a generated copy of a real shot is a memorised image. */
    @Test
    void defaultsToOneMinusMsSsimAndFlagsCopies() {
        RgbImage real = MsSsimDistanceTest.noise(64, 64, 11);
        RgbImage other = MsSsimDistanceTest.noise(64, 64, 12);
        BinaryMask mask = BinaryMask.empty(64, 64);
        mask.set(3, 3, true);
        QualityReport report = new QualityReportBuilder()
                .defectType("crack", List.of(new GeneratedSample(real, mask, 1), new GeneratedSample(other, mask, 2)),
                        List.of(new RealShot(real, mask)))
                .build("tile");
        QualityReport.TypeQuality crack = report.types().get(0);
        assertEquals("1-MS-SSIM", report.distance());
        assertEquals("IC-(1-MS-SSIM)", report.icdMetric());
        assertEquals(0.0, crack.memorisation().min());
        assertEquals(0.5, crack.memorisation().fractionBelow());
        double pair = new MsSsimDistance().distance(real, other);
        assertEquals(pair, crack.icd().icd(), 1e-15);
        assertEquals(1.0 / (64 * 64), crack.generatedMasks().meanArea());
    }

    @Test
    void refusesDuplicateTypesAndTheGoodName() {
        QualityReportBuilder b = new QualityReportBuilder(new GreyDistance()).defectType("crack", List.of(), List.of());
        assertEquals("defect type 'crack' was already added", assertThrows(IllegalArgumentException.class,
                () -> b.defectType("crack", List.of(), List.of())).getMessage());
        assertEquals("'good' is the row of generated normal images; add them with normals(...)",
                assertThrows(IllegalArgumentException.class, () -> b.defectType("good", List.of(), List.of()))
                        .getMessage());
    }
}
