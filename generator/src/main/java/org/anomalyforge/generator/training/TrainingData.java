package org.anomalyforge.generator.training;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.anomalyforge.generator.ShotImage;
import org.anomalyforge.generator.prompts.PromptSet;
import org.anomalyforge.ingest.image.ImageDecodeException;

/**
 * The decoded, preprocessed training images of one product (seas.md §2.5, §2.7): anomaly images with masks and
 * type index, the per-type lists concatenated in type order (stable within a type), and the normal images.
 */
public final class TrainingData {

    /** One few-shot defect image: [3, S, S] in [−1, 1], mask [S, S] in [0, 1]. */
    public record Anomaly(String id, int typeIndex, float[] image, float[] mask) {
    }

    private final int side;
    private final List<Anomaly> anomalies;
    private final List<float[]> normals;

    public TrainingData(int side, List<Anomaly> anomalies, List<float[]> normals) {
        if (anomalies.isEmpty() || normals.isEmpty()) {
            throw new IllegalArgumentException("TrainingData needs anomaly and normal images, got " + anomalies.size()
                    + " and " + normals.size());
        }
        for (Anomaly a : anomalies) {
            if (a.image().length != 3 * side * side || a.mask().length != side * side) {
                throw new IllegalArgumentException("anomaly '" + a.id() + "' must be 3×" + side + "² with a " + side
                        + "² mask");
            }
        }
        this.side = side;
        this.anomalies = List.copyOf(anomalies);
        this.normals = List.copyOf(normals);
    }

    /** Decodes and preprocesses every image; anomalies are grouped by type in {@code prompts} order. */
    public static TrainingData prepare(List<ShotImage> shots, List<byte[]> normalImages, PromptSet prompts, int side)
            throws ImageDecodeException {
        ImagePreprocessor pre = new ImagePreprocessor(side);
        List<Anomaly> anomalies = new ArrayList<>();
        for (ShotImage shot : shots) {
            int k = prompts.defectTypes().indexOf(shot.defectType());
            if (k < 0) {
                throw new IllegalArgumentException("shot '" + shot.id() + "' has defect type '" + shot.defectType()
                        + "', not one of " + prompts.defectTypes());
            }
            anomalies.add(new Anomaly(shot.id(), k, pre.image(shot.image(), shot.id()),
                    pre.mask(shot.mask(), shot.id() + " (mask)")));
        }
        anomalies.sort(Comparator.comparingInt(Anomaly::typeIndex));
        List<float[]> normals = new ArrayList<>();
        for (int i = 0; i < normalImages.size(); i++) {
            normals.add(pre.image(normalImages.get(i), "normal image " + i));
        }
        return new TrainingData(side, anomalies, normals);
    }

    public int side() {
        return side;
    }

    public List<Anomaly> anomalies() {
        return anomalies;
    }

    public List<float[]> normals() {
        return normals;
    }
}
