package org.anomalyforge.segmenter.metrics;

import java.io.Serializable;

/**
 * What an evaluation saw.
 *
 * @param images images added
 * @param anomalousImages images with a non-empty GT mask
 * @param pixels pixels added
 * @param defectPixels GT defect pixels
 * @param defectRegions GT connected components (AUPRO's K)
 */
public record EvaluationCounts(long images, long anomalousImages, long pixels, long defectPixels,
        long defectRegions) implements Serializable {}
