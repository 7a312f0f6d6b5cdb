package org.anomalyforge.generator.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import org.anomalyforge.generator.vae.AutoencoderKL;
import org.anomalyforge.generator.vae.LatentDistribution;
import org.anomalyforge.ingest.tensor.ScalarOps;

/**
 * After stage 0 (seas.md §6): s = 1/std(μ) over every μ element of every training image encoded un-augmented at
 * S², rounded to 5 significant digits (how 0.18215 was chosen for SD); and the reconstruction PSNR of the normal
 * images (decoding μ), which should reach 22 dB.
 */
public final class ScalingFactor {

    /** Below this mean PSNR generation will be blurry. */
    public static final double PSNR_WARNING_DB = 22.0;

    private ScalingFactor() {
    }

    /** s for {@code images} ([3, S, S] each), encoded one at a time with grad mode off. */
    public static double measure(AutoencoderKL vae, List<float[]> images, int side, NDManager root) {
        double sum = 0;
        double sumSq = 0;
        long count = 0;
        for (float[] image : images) {
            try (NDManager m = root.newSubManager()) {
                LatentDistribution d = vae.encode(new ParameterStore(m, false),
                        m.create(image, new Shape(1, 3, side, side)), false);
                for (float v : d.mean().toFloatArray()) {
                    sum += v;
                    sumSq += (double) v * v;
                    count++;
                }
            }
        }
        double mean = sum / count;
        double std = Math.sqrt(Math.max((sumSq - count * mean * mean) / (count - 1), 0));
        if (!(std > 0) || !Double.isFinite(std)) {
            throw new IllegalStateException("stage 0: std of the latent means is " + std + " over " + count
                    + " values; the autoencoder collapsed, s = 1/std is undefined");
        }
        return new BigDecimal(1 / std).round(new MathContext(5)).doubleValue();
    }

    /** Mean PSNR (dB, images in [0, 1]) of reconstructing {@code images} through μ. */
    public static double reconstructionPsnr(AutoencoderKL vae, List<float[]> images, int side, NDManager root) {
        double total = 0;
        for (float[] image : images) {
            try (NDManager m = root.newSubManager()) {
                ParameterStore ps = new ParameterStore(m, false);
                NDArray x = m.create(image, new Shape(1, 3, side, side));
                LatentDistribution d = vae.encode(ps, x, false);
                NDArray scaled = ScalarOps.mul(d.mean(), vae.config().scalingFactor());
                NDArray y = vae.decode(ps, scaled, false).image().clip(-1f, 1f);
                double mse = ScalarOps.div(y.sub(x), 2).square().mean().getFloat();
                total += 10 * Math.log10(1.0 / Math.max(mse, 1e-12));
            }
        }
        return total / images.size();
    }
}
