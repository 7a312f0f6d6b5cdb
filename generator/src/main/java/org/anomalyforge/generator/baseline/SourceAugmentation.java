package org.anomalyforge.generator.baseline;

import java.util.SplittableRandom;
import org.anomalyforge.ingest.image.RgbImage;

/**
 * DRAEM's ten anomaly-source augmentations (imgaug, {@code data_loader.py}), each drawing its own parameters
 * from the caller's stream and returning a new image. Deviations from imgaug are noted per constant.
 */
public enum SourceAugmentation {
    /** {@code GammaContrast((0.5, 2.0), per_channel=True)}: 255·(v/255)^γ, γ per channel. */
    GAMMA {
        @Override
        public RgbImage apply(RgbImage image, SplittableRandom rng) {
            return ToneCurve.apply(image, ToneCurve.gamma(rng.nextDouble(0.5, 2.0)),
                    ToneCurve.gamma(rng.nextDouble(0.5, 2.0)), ToneCurve.gamma(rng.nextDouble(0.5, 2.0)));
        }
    },
    /**
     * {@code MultiplyAndAddToBrightness(mul=(0.8, 1.2), add=(-30, 30))}: v·mul + add. imgaug changes a
     * brightness channel of a random colour space; we apply the same affine map to R, G and B.
     */
    BRIGHTNESS_CONTRAST {
        @Override
        public RgbImage apply(RgbImage image, SplittableRandom rng) {
            int[] curve = ToneCurve.affine(rng.nextDouble(0.8, 1.2), rng.nextDouble(-30, 30));
            return ToneCurve.apply(image, curve, curve, curve);
        }
    },
    /** {@code pillike.EnhanceSharpness()}: PIL sharpness with factor in [0, 2). */
    SHARPNESS {
        @Override
        public RgbImage apply(RgbImage image, SplittableRandom rng) {
            return SharpnessFilter.apply(image, rng.nextDouble(0.0, 2.0));
        }
    },
    /**
     * {@code AddToHueAndSaturation((-50, 50), per_channel=True)}: independent hue and saturation offsets in
     * imgaug units (255 = a full hue turn, 255 = full saturation), applied in HSV.
     */
    HUE_SATURATION {
        @Override
        public RgbImage apply(RgbImage image, SplittableRandom rng) {
            double hueDegrees = rng.nextDouble(-50, 50) * 360.0 / 255.0;
            double saturation = rng.nextDouble(-50, 50) / 255.0;
            return HueSaturationShift.apply(image, hueDegrees, saturation);
        }
    },
    /** {@code Solarize(0.5, threshold=(32, 128))}: with probability ½, values ≥ t ∈ [32, 128] become 255 − v. */
    SOLARIZE {
        @Override
        public RgbImage apply(RgbImage image, SplittableRandom rng) {
            boolean active = rng.nextDouble() < 0.5;
            int[] curve = active ? ToneCurve.solarize(32 + rng.nextInt(97)) : ToneCurve.identity();
            return ToneCurve.apply(image, curve, curve, curve);
        }
    },
    /** {@code Posterize()} with 1–8 bits kept, by PIL's bit mask (imgaug rounds to bin centres instead). */
    POSTERIZE {
        @Override
        public RgbImage apply(RgbImage image, SplittableRandom rng) {
            int[] curve = ToneCurve.posterize(1 + rng.nextInt(8));
            return ToneCurve.apply(image, curve, curve, curve);
        }
    },
    /** {@code Invert()}: 255 − v. */
    INVERT {
        @Override
        public RgbImage apply(RgbImage image, SplittableRandom rng) {
            int[] curve = ToneCurve.invert();
            return ToneCurve.apply(image, curve, curve, curve);
        }
    },
    /** {@code pillike.Autocontrast()}: PIL autocontrast per channel, cutoff drawn from [0, 20) %. */
    AUTOCONTRAST {
        @Override
        public RgbImage apply(RgbImage image, SplittableRandom rng) {
            double cutoff = rng.nextDouble(0, 20);
            long[][] histograms = ToneCurve.histograms(image);
            return ToneCurve.apply(image, ToneCurve.autocontrast(histograms[0], cutoff),
                    ToneCurve.autocontrast(histograms[1], cutoff), ToneCurve.autocontrast(histograms[2], cutoff));
        }
    },
    /** {@code pillike.Equalize()}: PIL histogram equalisation per channel. */
    EQUALIZE {
        @Override
        public RgbImage apply(RgbImage image, SplittableRandom rng) {
            long[][] histograms = ToneCurve.histograms(image);
            return ToneCurve.apply(image, ToneCurve.equalize(histograms[0]), ToneCurve.equalize(histograms[1]),
                    ToneCurve.equalize(histograms[2]));
        }
    },
    /** {@code Affine(rotate=(-45, 45))}: bilinear rotation about the centre, black outside. */
    ROTATE {
        @Override
        public RgbImage apply(RgbImage image, SplittableRandom rng) {
            return ImageRotation.rotate(image, rng.nextDouble(-45, 45));
        }
    };

    /** A new image: {@code image} with this augmentation applied, parameters drawn from {@code rng}. */
    public abstract RgbImage apply(RgbImage image, SplittableRandom rng);
}
