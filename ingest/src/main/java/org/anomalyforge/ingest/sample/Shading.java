package org.anomalyforge.ingest.sample;

/** Small scalar helpers shared by the texture and defect renderers. */
final class Shading {

    private Shading() {
    }

    static float clamp01(float v) {
        return v < 0 ? 0 : Math.min(v, 1);
    }

    static float lerp(float a, float b, float t) {
        return a + (b - a) * t;
    }

    /** Hermite step: 0 at or below {@code edge0}, 1 at or above {@code edge1} (edges may be reversed). */
    static float smoothstep(float edge0, float edge1, float v) {
        float t = clamp01((v - edge0) / (edge1 - edge0));
        return t * t * (3 - 2 * t);
    }

    /** Rounds and clamps one channel value to an unsigned byte. */
    static byte toByte(float v) {
        int i = Math.round(v);
        return (byte) (i < 0 ? 0 : Math.min(i, 255));
    }

    /** Writes (r, g, b) into interleaved RGB pixel {@code pixel} of {@code out}. */
    static void put(byte[] out, int pixel, float r, float g, float b) {
        int i = pixel * 3;
        out[i] = toByte(r);
        out[i + 1] = toByte(g);
        out[i + 2] = toByte(b);
    }
}
