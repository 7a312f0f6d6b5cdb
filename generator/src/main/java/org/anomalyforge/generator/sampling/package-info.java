/**
 * SeaS noise schedules and samplers (seas.md §5, §9.2): the shared float64 math that training and generation
 * stand on, kept apart from the networks and from the sampling loop as in diffusers.
 *
 * <p>{@link org.anomalyforge.generator.sampling.NoiseScheduleConfig} is the one schedule description every
 * scheduler is built from, so {@link org.anomalyforge.generator.sampling.SchedulerKind} can swap DDIM for
 * DPM-Solver++ 2M without retraining. {@link org.anomalyforge.generator.sampling.NoiseSchedule} holds the
 * float64 tables (β, ᾱ, α, σ, λ); the schedulers turn them into float32 coefficients only at the moment they
 * are applied to NDArrays. {@link org.anomalyforge.generator.sampling.SeededNoise} draws every Gaussian in
 * Java (SplitMix64 + Box–Muller) so a seed gives the same noise on any engine and device, and
 * {@link org.anomalyforge.generator.sampling.InitialLatent} builds the §5.4 "noised real normal image" start.
 *
 * <p>Schedulers are stateful per sampling run (multistep history, step index) and not thread-safe: use one
 * instance per run, or call {@code setTimesteps} again to start over.
 */
package org.anomalyforge.generator.sampling;
