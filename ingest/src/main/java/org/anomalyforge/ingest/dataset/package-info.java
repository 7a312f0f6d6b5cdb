/**
 * Datasets in MVTec AD layout: {@link org.anomalyforge.ingest.dataset.MvtecDatasetReader} lists them,
 * {@link org.anomalyforge.ingest.dataset.DatasetValidator} decodes and reports every problem by file,
 * and {@link org.anomalyforge.ingest.dataset.FewShotSplit} applies the SeaS few-shot protocol.
 */
package org.anomalyforge.ingest.dataset;
