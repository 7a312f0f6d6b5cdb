package org.anomalyforge.generator;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One product's fine-tuning job.
 *
 * @param product     product name (model-store naming rules)
 * @param anomalies   the few-shot defect images with masks (held-out images must not be here, seas.md §2.3)
 * @param normals     encoded normal images (seas.md §2.4, at most 60 are used, in the given order)
 * @param options     settings
 * @param store       model-store root
 * @param codeVersion AnomalyForge version recorded in the manifest
 */
public record SeasFinetuneRequest(String product, List<ShotImage> anomalies, List<byte[]> normals,
        SeasFinetuneOptions options, Path store, String codeVersion) {

    /** seas.md §2.4: at most this many normal images are used. */
    public static final int MAX_NORMALS = 60;

    public SeasFinetuneRequest {
        Objects.requireNonNull(product, "SeasFinetuneRequest.product");
        Objects.requireNonNull(options, "SeasFinetuneRequest.options");
        Objects.requireNonNull(store, "SeasFinetuneRequest.store");
        Objects.requireNonNull(codeVersion, "SeasFinetuneRequest.codeVersion");
        anomalies = List.copyOf(Objects.requireNonNull(anomalies, "SeasFinetuneRequest.anomalies"));
        normals = List.copyOf(Objects.requireNonNull(normals, "SeasFinetuneRequest.normals"));
        if (anomalies.isEmpty()) {
            throw new IllegalArgumentException("SeasFinetuneRequest.anomalies of product '" + product
                    + "' must hold at least one defect image, got none");
        }
        if (normals.isEmpty()) {
            throw new IllegalArgumentException("SeasFinetuneRequest.normals of product '" + product
                    + "' must hold at least one normal image, got none");
        }
    }

    /** The normals actually used: the first {@value #MAX_NORMALS}. */
    public List<byte[]> usedNormals() {
        return normals.subList(0, Math.min(MAX_NORMALS, normals.size()));
    }
}
