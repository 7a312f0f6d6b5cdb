package org.anomalyforge.generator.bench;

/**
 * One measurement.
 *
 * @param name  what was measured, e.g. {@code stage1.step}
 * @param value the number
 * @param unit  its unit, e.g. {@code s}, {@code steps/s}, {@code images/s}, {@code GFLOP/s}
 * @param note  settings that qualify it (batch, size, steps)
 */
public record BenchmarkRow(String name, double value, String unit, String note) {
}
