package org.anomalyforge.trokens.tokens;

/** Shape checks and layout conversion shared by the token records ({@code [M][T][D]} arrays). */
final class TokenShapes {

    private TokenShapes() {}

    static void check(String name, float[][][] values, int width) {
        if (values == null) {
            throw new IllegalArgumentException(name + " tokens must not be null");
        }
        int frames = values.length == 0 ? 0 : values[0].length;
        for (int m = 0; m < values.length; m++) {
            if (values[m].length != frames) {
                throw new IllegalArgumentException(name + " tokens: point " + m + " has " + values[m].length
                        + " frames, point 0 has " + frames);
            }
            for (int t = 0; t < frames; t++) {
                if (values[m][t].length != width) {
                    throw new IllegalArgumentException(name + " tokens: [" + m + "][" + t + "] must have width "
                            + width + ", got " + values[m][t].length);
                }
            }
        }
    }

    static float[] frameMajor(float[][][] values, int width) {
        int points = values.length;
        int frames = points == 0 ? 0 : values[0].length;
        float[] out = new float[frames * points * width];
        for (int m = 0; m < points; m++) {
            for (int t = 0; t < frames; t++) {
                System.arraycopy(values[m][t], 0, out, (t * points + m) * width, width);
            }
        }
        return out;
    }
}
