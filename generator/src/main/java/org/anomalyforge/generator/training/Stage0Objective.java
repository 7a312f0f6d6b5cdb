package org.anomalyforge.generator.training;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import org.anomalyforge.generator.losses.AutoencoderLoss;
import org.anomalyforge.generator.sampling.SeededNoise;
import org.anomalyforge.generator.vae.AutoencoderKL;
import org.anomalyforge.generator.vae.LatentDistribution;

/**
 * One stage-0 batch (seas.md §6): {@value #BATCH} images from the pool of normal and few-shot anomaly images, each
 * with a random dihedral transform and a random crop of side min(64, S); the encoder samples z, the decoder
 * reconstructs, L₀ = mean|x̂ − x| + 1e-4·KL. Randomness from the (stage 0, batch index) streams. Temporaries live
 * in a workspace sub-manager (no {@code NDScope}: with one, 150-step runs hit a non-finite forward; see DESIGN).
 */
public final class Stage0Objective {

    /** Images per stage-0 batch. */
    public static final int BATCH = 8;
    /** Crop side (the spec's 64×64 crops of 128² tensors; smaller images are used whole). */
    public static final int CROP = 64;

    private final AutoencoderKL vae;
    private final List<float[]> pool;
    private final int side;
    private final int crop;
    private final TrainingStreams streams;
    private final ItemStream items;
    private final boolean augment;

    public Stage0Objective(AutoencoderKL vae, TrainingData data, TrainingStreams streams, long seed, boolean augment) {
        this.vae = vae;
        this.pool = new ArrayList<>(data.normals());
        data.anomalies().forEach(a -> pool.add(a.image()));
        this.side = data.side();
        this.crop = Math.min(CROP, side);
        this.streams = streams;
        this.items = new ItemStream(seed ^ 0x57A6E0L, pool.size(), pool.size());
        this.augment = augment;
    }

    /** The crop side used. */
    public int cropSide() {
        return crop;
    }

    /** Forward and backward of batch {@code index}; returns recon, kl, total. */
    public Stage0Terms run(long index, NDManager root) {
        float[] pixels = batchPixels(index);
        try (NDManager m = root.newSubManager()) {
            ParameterStore ps = new ParameterStore(m, false);
            NDArray x = m.create(pixels, new Shape(BATCH, 3, crop, crop));
            int latent = crop / vae.config().downscaleFactor();
            NDArray xi = streams.stream(0, index, TrainingStreams.Purpose.POSTERIOR)
                    .nextGaussian(m, new Shape(BATCH, vae.config().latentChannels(), latent, latent));
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                LatentDistribution posterior = vae.encode(ps, x, true);
                NDArray reconstructed = vae.decode(ps, vae.scaledSample(posterior, xi), true).image();
                AutoencoderLoss loss = AutoencoderLoss.of(reconstructed, x, posterior.mean(), posterior.logvar());
                Stage0Terms terms = new Stage0Terms(loss.reconstruction().getFloat(), loss.kl().getFloat(),
                        loss.total().getFloat());
                if (!Double.isFinite(terms.total())) {
                    throw new IllegalStateException("stage-0 loss of batch " + index + " is not finite: " + terms);
                }
                gc.backward(loss.total());
                return terms;
            }
        }
    }

    /** [BATCH, 3, crop, crop]: pool images at stream positions 8·index …, transformed and cropped. */
    float[] batchPixels(long index) {
        SeededNoise aug = streams.stream(0, index, TrainingStreams.Purpose.AUGMENTATION);
        SeededNoise cropStream = streams.stream(0, index, TrainingStreams.Purpose.CROP);
        int out = 3 * crop * crop;
        float[] pixels = new float[BATCH * out];
        for (int i = 0; i < BATCH; i++) {
            float[] img = pool.get(items.item(index * BATCH + i).anomaly());
            Dihedral d = augment ? new Dihedral(aug.nextInt(4), aug.nextInt(3)) : Dihedral.IDENTITY;
            float[] t = d.apply(img, 3, side);
            int top = cropStream.nextInt(side - crop + 1);
            int left = cropStream.nextInt(side - crop + 1);
            for (int c = 0; c < 3; c++) {
                for (int y = 0; y < crop; y++) {
                    System.arraycopy(t, (c * side + top + y) * side + left, pixels,
                            i * out + (c * crop + y) * crop, crop);
                }
            }
        }
        return pixels;
    }
}
