package org.anomalyforge.trokens.encoders.dinov2;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.anomalyforge.ingest.image.ImageCodec;
import org.anomalyforge.ingest.image.Interpolation;
import org.anomalyforge.ingest.image.RgbImage;
import org.anomalyforge.trokens.encoders.AppearanceEncoder;
import org.anomalyforge.trokens.encoders.PatchGrid;
import org.anomalyforge.trokens.model.nn.ParameterFiles;

import java.util.List;
import java.util.Objects;

/**
 * Frozen DINOv2 appearance encoder (spec §6.2–6.3): frames are squashed to {@code S × S} (S = 224, area
 * filter, no crop), normalised, run through {@link Dinov2Vit} in batches of {@link #BATCH} frames, and
 * returned as {@code [F, G, G, D]} patch tokens. Each batch's arrays live in their own sub-manager, so long
 * streams do not accumulate native memory. Thread-safe: forward passes are serialised.
 */
public final class Dinov2Encoder implements AppearanceEncoder, AutoCloseable {

    /** Frames per forward pass (bounds activation memory: 8 × 257 tokens). */
    public static final int BATCH = 8;

    private final String id;
    private final Dinov2Config config;
    private final VitNormalization normalization;
    private final NDManager manager;
    private final Dinov2Vit vit;

    private Dinov2Encoder(String id, Dinov2Config config, VitNormalization normalization, NDManager manager,
                          Dinov2Vit vit) {
        this.id = id;
        this.config = config;
        this.normalization = normalization;
        this.manager = manager;
        this.vit = vit;
    }

    /**
     * Builds the encoder from imported weights.
     *
     * @param id            stable identifier for cache keys and manifests, e.g. {@code dinov2-vits14-<sha>}
     * @param imported      verified weights in our layout
     * @param normalization input normalisation (CLIP by default)
     */
    public static Dinov2Encoder create(String id, ImportedDinov2 imported, VitNormalization normalization) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(normalization, "normalization");
        NDManager manager = NDManager.newBaseManager();
        try {
            Dinov2Vit vit = new Dinov2Vit(imported.config());
            vit.initialize(manager);
            ParameterFiles.restore(vit, imported.weights());
            return new Dinov2Encoder(id, imported.config(), normalization, manager, vit);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public int gridSize() {
        return config.gridSize();
    }

    @Override
    public int featureDim() {
        return config.width();
    }

    /** The architecture. */
    public Dinov2Config config() {
        return config;
    }

    @Override
    public synchronized PatchGrid encode(List<RgbImage> frames) {
        if (frames == null || frames.isEmpty()) {
            throw new IllegalArgumentException("frames must contain at least one frame");
        }
        int s = config.inputSize();
        int g = config.gridSize();
        int d = config.width();
        int perFrame = g * g * d;
        float[] out = new float[frames.size() * perFrame];
        ParameterStore ps = new ParameterStore(manager, false);
        for (int start = 0; start < frames.size(); start += BATCH) {
            int n = Math.min(BATCH, frames.size() - start);
            float[] pixels = new float[n * 3 * s * s];
            for (int i = 0; i < n; i++) {
                RgbImage squashed = ImageCodec.resize(frames.get(start + i), s, s, Interpolation.AREA);
                toChw(squashed, pixels, i * 3 * s * s);
            }
            try (NDManager batch = manager.newSubManager()) {
                NDArray x = batch.create(pixels, new Shape(n, 3, s, s));
                NDArray tokens = vit.forward(ps, new NDList(x), false).singletonOrThrow(); // [n, G², D]
                System.arraycopy(tokens.toFloatArray(), 0, out, start * perFrame, n * perFrame);
            }
        }
        return new PatchGrid(frames.size(), g, d, out);
    }

    private void toChw(RgbImage image, float[] into, int offset) {
        int hw = image.width() * image.height();
        byte[] p = image.pixels();
        for (int i = 0; i < hw; i++) {
            for (int c = 0; c < 3; c++) {
                into[offset + c * hw + i] = normalization.apply(p[i * 3 + c] & 0xff, c);
            }
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
