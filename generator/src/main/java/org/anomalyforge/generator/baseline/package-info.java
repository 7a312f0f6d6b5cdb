/**
 * The DRAEM-style synthetic-anomaly generator: the "no diffusion" baseline that every SeaS comparison runs
 * against.
 *
 * <p>Method: Zavrtanik, Kristan, Skočaj, "DRAEM — A discriminatively trained reconstruction embedding for
 * surface anomaly detection", ICCV 2021. A Perlin-noise mask ({@link
 * org.anomalyforge.generator.baseline.PerlinMaskSampler}) selects where an anomaly appearance ({@link
 * org.anomalyforge.generator.baseline.AnomalySource}) is blended into a normal image ({@link
 * org.anomalyforge.generator.baseline.AnomalyBlend}); the mask is exact because only mask pixels are
 * touched. {@link org.anomalyforge.generator.baseline.PerlinAnomalyGenerator} ties the steps together as a
 * pure function of (normal image, seed), so a Spark job partitioned over seeds is reproducible.
 *
 * <p>Transcendental functions use {@link java.lang.StrictMath}: {@code Math.sin}/{@code cos}/{@code pow} may
 * differ by an ulp between JVMs and CPUs, which could flip a mask pixel at the threshold on another Spark
 * executor; StrictMath makes every pair bit-reproducible everywhere.
 *
 * <p>Defect types are labels only: the baseline does not know what a type looks like (that is what SeaS
 * adds), so callers attach the type name to the pair and must give each type its own seed range.
 */
package org.anomalyforge.generator.baseline;
