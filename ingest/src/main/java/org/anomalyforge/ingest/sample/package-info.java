/**
 * Seeded procedural sample products in the MVTec AD layout, with exact defect masks: what tests, the demo
 * and a new user's first run use when no real inspection images are at hand.
 *
 * <p>Three visually different {@link org.anomalyforge.ingest.sample.ProductKind product kinds} (twill-woven
 * fabric, brushed metal, glazed ceramic tile), three defect types each.
 * {@link org.anomalyforge.ingest.sample.SampleProductGenerator} renders one image as a pure function of
 * (seed, product, split, defect, index, size), 128–512 px, and writes a whole tree described by a
 * {@link org.anomalyforge.ingest.sample.SampleSpec}.
 *
 * <p>How masks stay exact: a defect is a region rasterised once (pixel centres inside a blob or within a
 * stroke's half width) and used twice, as the ground-truth mask and as the only pixels the defect shader may
 * change. Every mask pixel differs from the defect-free surface by at least
 * {@code DefectRegion.MIN_CHANGE} grey levels; every other pixel is copied unchanged.
 *
 * <p>Rendering is plain Java on {@code byte[]} and {@code float} values (no per-pixel allocation); a
 * 256 × 256 image takes roughly 5–20 ms on one core. Images get their own {@code SplittableRandom} streams
 * derived from their identity, so order and threading never change the output.
 */
package org.anomalyforge.ingest.sample;
