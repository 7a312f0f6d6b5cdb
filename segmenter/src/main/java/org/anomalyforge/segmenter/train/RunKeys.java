package org.anomalyforge.segmenter.train;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import org.anomalyforge.ingest.store.Sha256;
import org.anomalyforge.segmenter.LfdTrainingOptions;
import org.anomalyforge.segmenter.TrainingSample;

/** Fingerprints identifying a training run's data and options (for the manifest and for resuming). */
final class RunKeys {

    private RunKeys() {
    }

    /**
     * SHA-256 over every sample, in the given order (callers pass them sorted by id): id, origin, defect
     * type and the SHA-256 of the image and mask bytes.
     */
    static String dataFingerprint(List<TrainingSample> sortedSamples) {
        MessageDigest md = Sha256.digest();
        for (TrainingSample s : sortedSamples) {
            String line = s.id() + '\u0000' + s.origin() + '\u0000' + s.defectType() + '\u0000' + Sha256.of(s.image())
                    + '\u0000' + (s.mask() == null ? "-" : Sha256.of(s.mask())) + '\n';
            md.update(line.getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /**
     * The resume key: SHA-256 of product, data fingerprint and every option (the ImageNet file by its
     * SHA-256, not its path).
     */
    static String resumeKey(String product, String dataFingerprint, LfdTrainingOptions o, String initSha256) {
        String text = String.join("\n", "lfd-train-v1", product, dataFingerprint, o.preset().name(),
                Integer.toString(o.inputSize()), Integer.toString(o.batchSize()), Integer.toString(o.epochs()),
                Integer.toString(o.iterationCap()), Long.toString(o.seed()), o.augmentation().name(),
                initSha256 == null ? "scratch" : initSha256);
        return Sha256.of(text.getBytes(StandardCharsets.UTF_8));
    }
}
