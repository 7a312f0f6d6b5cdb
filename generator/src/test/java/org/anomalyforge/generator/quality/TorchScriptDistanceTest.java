package org.anomalyforge.generator.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.anomalyforge.ingest.image.RgbImage;
import org.anomalyforge.ingest.store.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user-supplied TorchScript distance, loaded from a file the test writes itself: a TorchScript archive (version,
 * pickled module, constants, TorchScript source) whose {@code forward(x, y)} is {@code mean(|x − y|)}, so the expected
 * distances are exact on constant images in [−1, 1].
 */
class TorchScriptDistanceTest {

    @TempDir
    Path dir;

    @Test
    void loadsAUserNetworkAndRecordsItsHash() throws Exception {
        Path file = meanAbsoluteDifference(dir.resolve("lpips.pt"));
        try (TorchScriptDistance d = TorchScriptDistance.load("LPIPS", file)) {
            assertEquals("LPIPS[lpips.pt sha256:" + Sha256.of(file) + "]", d.name());
            RgbImage black = constant(0);
            RgbImage white = constant(255);
            assertEquals(0.0, d.distance(black, black), 0.0);
            assertEquals(2.0, d.distance(black, white), 1e-6);        // mean |−1 − 1|
            assertEquals(d.distance(white, black), d.distance(black, white), 0.0);
            QualityReport report = new QualityReportBuilder(d).defectType("scratch",
                    List.of(new GeneratedSample(white, org.anomalyforge.ingest.image.BinaryMask.empty(8, 8), 1)),
                    List.of(new RealShot(black, org.anomalyforge.ingest.image.BinaryMask.empty(8, 8))))
                    .build("widget");
            assertTrue(report.networkMetrics().get("IC-LPIPS").contains(d.name()), report.networkMetrics().toString());
            assertEquals(2.0, report.types().get(0).memorisation().min(), 1e-6);
        }
    }

    @Test
    void refusesAMissingOrBrokenFileNamingIt() throws Exception {
        Path missing = dir.resolve("none.pt");
        IOException e = assertThrows(IOException.class, () -> TorchScriptDistance.load("LPIPS", missing));
        assertTrue(e.getMessage().contains("none.pt"), e.getMessage());
        Path broken = Files.writeString(dir.resolve("broken.pt"), "not a zip");
        e = assertThrows(IOException.class, () -> TorchScriptDistance.load("LPIPS", broken));
        assertTrue(e.getMessage().contains("broken.pt") && e.getMessage().contains("not a loadable"), e.getMessage());
    }

    @Test
    void featureNetGivesLogitsAndTheInceptionScore() throws Exception {
        Path file = channelMeans(dir.resolve("inception.pt"));
        try (TorchScriptFeatureNet net = TorchScriptFeatureNet.load("Inception", file)) {
            assertTrue(net.name().startsWith("Inception[inception.pt sha256:"), net.name());
            RgbImage red = RgbImage.blank(8, 8);
            for (int y = 0; y < 8; y++) {
                for (int x = 0; x < 8; x++) {
                    red.set(x, y, 255, 0, 0);
                }
            }
            org.junit.jupiter.api.Assertions.assertArrayEquals(new float[] {1, -1, -1}, net.features(red), 1e-6f);
            // black and white give uniform class distributions: p(y|x) = p(y), IS = exp(0) = 1
            assertEquals(1.0, net.inceptionScore(List.of(constant(0), constant(255))), 1e-9);
            QualityReport report = new QualityReportBuilder().inceptionNet(net).defectType("scratch",
                    List.of(new GeneratedSample(red, org.anomalyforge.ingest.image.BinaryMask.empty(8, 8), 1)),
                    List.of()).build("widget");
            assertTrue(report.networkMetrics().get("IS").startsWith("1.0000 over 1 generated defect images with "
                    + "Inception[inception.pt"), report.networkMetrics().toString());
        }
    }

    @Test
    void inceptionScoreOfHandMadeDistributions() {
        // two confident, different classes: KL = ln 2 each, IS = 2; identical rows: IS = 1
        assertEquals(2.0, InceptionScore.of(new double[][] {{1, 0}, {0, 1}}), 1e-12);
        assertEquals(1.0, InceptionScore.of(new double[][] {{0.3, 0.7}, {0.3, 0.7}}), 1e-12);
    }

    private static RgbImage constant(int v) {
        RgbImage img = RgbImage.blank(8, 8);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                img.set(x, y, v, v, v);
            }
        }
        return img;
    }

    /** A TorchScript module whose forward(x) is the per-channel mean: logits [1, 3]. */
    static Path channelMeans(Path file) throws IOException {
        String code = """
                class Distance(Module):
                  __parameters__ = []
                  __buffers__ = []
                  training : bool
                  def forward(self: __torch__.Distance,
                    x: Tensor) -> Tensor:
                    return torch.mean(x, [2, 3])
                """;
        return archive(file, "inception", code);
    }

    /** Writes the TorchScript archive of a module computing mean(|x − y|) (stored entries, as torch.jit.save). */
    static Path meanAbsoluteDifference(Path file) throws IOException {
        String code = """
                class Distance(Module):
                  __parameters__ = []
                  __buffers__ = []
                  training : bool
                  def forward(self: __torch__.Distance,
                    x: Tensor,
                    y: Tensor) -> Tensor:
                    return torch.mean(torch.abs(torch.sub(x, y)))
                """;
        return archive(file, "lpips", code);
    }

    /** version, pickled module {@code __torch__.Distance} with state {training: True}, constants, source. */
    private static Path archive(Path file, String stem, String code) throws IOException {
        // pickle protocol 2: __torch__.Distance() with state {'training': True}
        byte[] data = {(byte) 0x80, 2, 'c', '_', '_', 't', 'o', 'r', 'c', 'h', '_', '_', '\n', 'D', 'i', 's', 't', 'a',
            'n', 'c', 'e', '\n', 'q', 0, ')', (byte) 0x81, '}', '(', 'X', 8, 0, 0, 0, 't', 'r', 'a', 'i', 'n', 'i', 'n', 'g',
            'q', 1, (byte) 0x88, 'u', 'b', '.'};
        byte[] constants = {(byte) 0x80, 2, ')', '.'};
        try (OutputStream os = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(os)) {
            stored(zip, stem + "/version", "3\n".getBytes(StandardCharsets.UTF_8));
            stored(zip, stem + "/data.pkl", data);
            stored(zip, stem + "/constants.pkl", constants);
            stored(zip, stem + "/code/__torch__.py", code.getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    private static void stored(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setMethod(ZipEntry.STORED);
        e.setSize(bytes.length);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        e.setCrc(crc.getValue());
        zip.putNextEntry(e);
        zip.write(bytes);
        zip.closeEntry();
    }
}
