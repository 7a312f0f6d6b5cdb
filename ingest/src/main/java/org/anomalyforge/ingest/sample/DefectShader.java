package org.anomalyforge.ingest.sample;

/** Computes a defect pixel's colour from the defect-free colour; called only for pixels inside the region. */
@FunctionalInterface
interface DefectShader {

    /**
     * @param x     column
     * @param y     row
     * @param depth how far inside the region the pixel lies: near 0 at the outline, 1 on the centre line or
     *              centre point
     * @param rgb   in: the defect-free colour (three floats, 0–255); out: the defect colour
     */
    void shade(int x, int y, float depth, float[] rgb);
}
