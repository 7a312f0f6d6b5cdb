package org.anomalyforge.generator.baseline;

import org.anomalyforge.ingest.image.RgbImage;

/**
 * Rotation about the image centre ((W − 1)/2, (H − 1)/2) with bilinear interpolation; samples outside the
 * image count as black, as imgaug's {@code Affine} with {@code cval=0}. Positive angles turn clockwise on
 * screen (y axis pointing down), the same convention as {@link PerlinMaskSampler#render}.
 */
final class ImageRotation {

    private ImageRotation() {}

    static RgbImage rotate(RgbImage image, double angleDegrees) {
        int width = image.width();
        int height = image.height();
        byte[] in = image.pixels();
        byte[] out = new byte[in.length];
        double radians = Math.toRadians(angleDegrees);
        double cos = StrictMath.cos(radians);
        double sin = StrictMath.sin(radians);
        double centreX = (width - 1) / 2.0;
        double centreY = (height - 1) / 2.0;
        for (int y = 0; y < height; y++) {
            double dy = y - centreY;
            for (int x = 0; x < width; x++) {
                double dx = x - centreX;
                double sourceX = cos * dx + sin * dy + centreX;
                double sourceY = -sin * dx + cos * dy + centreY;
                int x0 = (int) Math.floor(sourceX);
                int y0 = (int) Math.floor(sourceY);
                if (x0 < -1 || x0 >= width || y0 < -1 || y0 >= height) {
                    continue;
                }
                double fx = sourceX - x0;
                double fy = sourceY - y0;
                for (int c = 0; c < 3; c++) {
                    double top = (1 - fx) * sample(in, width, height, x0, y0, c)
                            + fx * sample(in, width, height, x0 + 1, y0, c);
                    double bottom = (1 - fx) * sample(in, width, height, x0, y0 + 1, c)
                            + fx * sample(in, width, height, x0 + 1, y0 + 1, c);
                    double value = (1 - fy) * top + fy * bottom;
                    out[(y * width + x) * 3 + c] = (byte) Math.min(255, (int) Math.floor(value + 0.5));
                }
            }
        }
        return new RgbImage(width, height, out);
    }

    private static int sample(byte[] in, int width, int height, int x, int y, int c) {
        if (x < 0 || x >= width || y < 0 || y >= height) {
            return 0;
        }
        return in[(y * width + x) * 3 + c] & 0xff;
    }
}
