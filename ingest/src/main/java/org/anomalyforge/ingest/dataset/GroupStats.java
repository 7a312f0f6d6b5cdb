package org.anomalyforge.ingest.dataset;

/**
 * What the validator saw in one group of a product: {@code train/good}, {@code test/good} or a defect type.
 *
 * @param product product name
 * @param group   {@code train/good}, {@code test/good}, or the defect type name
 * @param images  image files listed
 * @param masks   images that have a mask (0 for the good groups)
 * @param sizes   sizes of the images that decoded
 */
public record GroupStats(String product, String group, int images, int masks, SizeRange sizes) {}
