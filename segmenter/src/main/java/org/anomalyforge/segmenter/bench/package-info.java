/** Throughput measurement of the LFD network (LFD spec §10.2), printed by {@code forge bench segmenter}. */
package org.anomalyforge.segmenter.bench;
