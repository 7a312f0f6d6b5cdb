package org.anomalyforge.generator.quality;

import java.util.Arrays;
import org.anomalyforge.ingest.image.RgbImage;

/**
 * d = 1 − MS-SSIM (seas.md §11.2 default distance), after Wang, Simoncelli, Bovik, "Multi-scale structural
 * similarity for image quality assessment", 2003, computed as the reference implementation
 * {@code pytorch_msssim.ms_ssim} does:
 *
 * <ul>
 *   <li>both images resized to {@value #SIDE}² (OpenCV area averaging when shrinking on both axes, else
 *       bilinear), then taken as three float planes of 0–255 values (data range 255);</li>
 *   <li>per scale, the separable 11-tap Gaussian (σ = 1.5, weights normalised to sum 1) applied as a
 *       <em>valid</em> convolution to x, y, x², y² and xy; C₁ = (0.01·255)², C₂ = (0.03·255)²;
 *       cs = mean of (2σxy + C₂)/(σx² + σy² + C₂), ssim = mean of l·cs with
 *       l = (2μxμy + C₁)/(μx² + μy² + C₁);</li>
 *   <li>between scales a 2×2 average pool with stride 2 (padding h mod 2, w mod 2, zeros counted, as
 *       {@code avg_pool2d}); at 256² the scales are 256, 128, 64, 32, 16 and the valid maps 246² … 6²;</li>
 *   <li>MS-SSIM per channel = Π₁⁴ relu(csₛ)^wₛ · relu(ssim₅)^w₅ with w = (0.0448, 0.2856, 0.3001, 0.2363,
 *       0.1333); the three channel values are averaged.</li>
 * </ul>
 *
 * <p>Every formula is written symmetrically in x and y (2·(μxμy), σx² + σy²), so d(a, b) = d(b, a) bit for
 * bit and d(a, a) = 0 exactly. Floating-point rounding can push MS-SSIM a few ulps above 1 for near-identical
 * images; it is clamped to 1 so d stays in [0, 1].
 *
 * <p>Prepared images ({@link Pyramid}) hold each scale's planes, means μ and filtered squares; a pair then
 * only filters xy, a fifth of the work of an unprepared pair. Immutable and thread-safe.
 */
public final class MsSsimDistance implements PreparedDistance<MsSsimDistance.Pyramid> {

    /** Side of the square both images are resized to (seas.md §11.2 step 1). */
    public static final int SIDE = 256;
    public static final int WINDOW = 11;
    public static final double SIGMA = 1.5;
    public static final double K1 = 0.01;
    public static final double K2 = 0.03;
    public static final double DATA_RANGE = 255;
    private static final double[] WEIGHTS = {0.0448, 0.2856, 0.3001, 0.2363, 0.1333};
    private static final double C1 = (K1 * DATA_RANGE) * (K1 * DATA_RANGE);
    private static final double C2 = (K2 * DATA_RANGE) * (K2 * DATA_RANGE);
    private static final double[] GAUSS = gaussian();

    /** The scale weights (0.0448, 0.2856, 0.3001, 0.2363, 0.1333). */
    public static double[] weights() {
        return WEIGHTS.clone();
    }

    @Override
    public String name() {
        return "1-MS-SSIM";
    }

    /** One image ready for pairing: its five scales, finest first. Opaque and immutable. */
    public static final class Pyramid {
        private final Scale[] scales;

        private Pyramid(Scale[] scales) {
            this.scales = scales;
        }
    }

    /**
     * One scale of a prepared image: planes h × w; {@code mu} and {@code squares} are the valid-filtered
     * (h − 10) × (w − 10) maps of x and x², one array per RGB channel. Never modified after construction.
     */
    private record Scale(int width, int height, float[][] planes, float[][] mu, float[][] squares) {}

    @Override
    public Pyramid prepare(RgbImage image) {
        RgbImage r = SquareResize.to(image, SIDE);
        int hw = SIDE * SIDE;
        float[][] planes = new float[3][hw];
        byte[] p = r.pixels();
        for (int i = 0; i < hw; i++) {
            for (int c = 0; c < 3; c++) {
                planes[c][i] = p[i * 3 + c] & 0xff;
            }
        }
        Scale[] scales = new Scale[WEIGHTS.length];
        int w = SIDE;
        int h = SIDE;
        for (int s = 0; s < scales.length; s++) {
            if (w < WINDOW || h < WINDOW) {
                throw new IllegalStateException("scale " + (s + 1) + " is " + w + "×" + h + ", smaller than the "
                        + WINDOW + "-pixel window");
            }
            float[][] mu = new float[3][];
            float[][] squares = new float[3][];
            for (int c = 0; c < 3; c++) {
                mu[c] = filter(planes[c], null, w, h);
                squares[c] = filter(planes[c], planes[c], w, h);
            }
            scales[s] = new Scale(w, h, planes, mu, squares);
            if (s + 1 < scales.length) {
                int pw = w % 2;
                int ph = h % 2;
                float[][] next = new float[3][];
                for (int c = 0; c < 3; c++) {
                    next[c] = pool(planes[c], w, h, pw, ph);
                }
                planes = next;
                w = (w + 2 * pw - 2) / 2 + 1;
                h = (h + 2 * ph - 2) / 2 + 1;
            }
        }
        return new Pyramid(scales);
    }

    @Override
    public double distance(Pyramid a, Pyramid b) {
        return 1 - msSsim(a, b);
    }

    /** MS-SSIM in [0, 1], averaged over the RGB channels. */
    public double msSsim(Pyramid a, Pyramid b) {
        double sum = 0;
        for (int c = 0; c < 3; c++) {
            double product = 1;
            for (int s = 0; s < WEIGHTS.length; s++) {
                double[] csAndSsim = statistics(a.scales[s], b.scales[s], c);
                double v = s + 1 < WEIGHTS.length ? csAndSsim[0] : csAndSsim[1];
                product *= Math.pow(Math.max(0, v), WEIGHTS[s]);
            }
            sum += product;
        }
        return Math.min(1, sum / 3);
    }

    /** {mean cs, mean ssim} of one channel at one scale. */
    private static double[] statistics(Scale x, Scale y, int c) {
        float[] cross = filter(x.planes()[c], y.planes()[c], x.width(), x.height());
        float[] mx = x.mu()[c];
        float[] my = y.mu()[c];
        float[] xx = x.squares()[c];
        float[] yy = y.squares()[c];
        double csSum = 0;
        double ssimSum = 0;
        for (int i = 0; i < cross.length; i++) {
            double ux = mx[i];
            double uy = my[i];
            double uxy = ux * uy;
            double sx = xx[i] - ux * ux;
            double sy = yy[i] - uy * uy;
            double sxy = cross[i] - uxy;
            double cs = (2 * sxy + C2) / (sx + sy + C2);
            double l = (2 * uxy + C1) / (ux * ux + uy * uy + C1);
            csSum += cs;
            ssimSum += l * cs;
        }
        return new double[] {csSum / cross.length, ssimSum / cross.length};
    }

    /**
     * Valid separable Gaussian filtering of a (or of a·b when b is given), h × w → (h − 10) × (w − 10).
     * Sums run in double, tap by tap in a fixed order, and round to float once per pass, so a constant plane
     * filters to itself exactly. The tap loop is outside the pixel loop so the JIT can vectorise it.
     */
    private static float[] filter(float[] a, float[] b, int w, int h) {
        float[] in = a;
        if (b != null) {
            in = new float[a.length];
            for (int i = 0; i < a.length; i++) {
                in[i] = a[i] * b[i];
            }
        }
        int ow = w - WINDOW + 1;
        int oh = h - WINDOW + 1;
        double[] acc = new double[ow];
        float[] rows = new float[h * ow];
        for (int y = 0; y < h; y++) {
            Arrays.fill(acc, 0);
            for (int k = 0; k < WINDOW; k++) {
                double g = GAUSS[k];
                int base = y * w + k;
                for (int x = 0; x < ow; x++) {
                    acc[x] += g * in[base + x];
                }
            }
            for (int x = 0; x < ow; x++) {
                rows[y * ow + x] = (float) acc[x];
            }
        }
        float[] out = new float[oh * ow];
        for (int y = 0; y < oh; y++) {
            Arrays.fill(acc, 0);
            for (int k = 0; k < WINDOW; k++) {
                double g = GAUSS[k];
                int base = (y + k) * ow;
                for (int x = 0; x < ow; x++) {
                    acc[x] += g * rows[base + x];
                }
            }
            for (int x = 0; x < ow; x++) {
                out[y * ow + x] = (float) acc[x];
            }
        }
        return out;
    }

    /** 2×2 average pool, stride 2, zero padding (pw, ph) on both sides counted in the divisor. */
    private static float[] pool(float[] a, int w, int h, int pw, int ph) {
        int ow = (w + 2 * pw - 2) / 2 + 1;
        int oh = (h + 2 * ph - 2) / 2 + 1;
        float[] out = new float[ow * oh];
        for (int y = 0; y < oh; y++) {
            for (int x = 0; x < ow; x++) {
                float acc = 0;
                for (int dy = 0; dy < 2; dy++) {
                    int sy = 2 * y + dy - ph;
                    for (int dx = 0; dx < 2; dx++) {
                        int sx = 2 * x + dx - pw;
                        if (sy >= 0 && sy < h && sx >= 0 && sx < w) {
                            acc += a[sy * w + sx];
                        }
                    }
                }
                out[y * ow + x] = acc / 4;
            }
        }
        return out;
    }

    private static double[] gaussian() {
        double[] g = new double[WINDOW];
        double sum = 0;
        for (int k = 0; k < WINDOW; k++) {
            double t = k - WINDOW / 2;
            g[k] = Math.exp(-(t * t) / (2 * SIGMA * SIGMA));
            sum += g[k];
        }
        for (int k = 0; k < WINDOW; k++) {
            g[k] /= sum;
        }
        return g;
    }
}
