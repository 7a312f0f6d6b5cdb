package org.anomalyforge.generator.sampling;

import java.util.Locale;
import java.util.Objects;

/**
 * The registry of schedulers (style anchor §5.10): every kind is built from the same
 * {@link NoiseScheduleConfig}, which is what makes {@code --scheduler ddim|dpm} a swap without retraining.
 */
public enum SchedulerKind {
    /** {@link DpmSolverMultistepScheduler}, the default sampler (seas.md §9.1). */
    DPM("dpm"),
    /** {@link DdimScheduler}, η = 0. */
    DDIM("ddim"),
    /** {@link DdpmScheduler}, ancestral; needs a {@link StepNoise}. */
    DDPM("ddpm");

    private final String cliName;

    SchedulerKind(String cliName) {
        this.cliName = cliName;
    }

    /** The name used on the command line and in generation metadata. */
    public String cliName() {
        return cliName;
    }

    /** A fresh scheduler of this kind over {@code config}. */
    public NoiseScheduler create(NoiseScheduleConfig config) {
        Objects.requireNonNull(config, "config");
        return switch (this) {
            case DPM -> new DpmSolverMultistepScheduler(config);
            case DDIM -> new DdimScheduler(config);
            case DDPM -> new DdpmScheduler(config);
        };
    }

    /**
     * Resolves a command-line name, case-insensitively.
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static SchedulerKind fromCliName(String name) {
        Objects.requireNonNull(name, "name");
        String lower = name.toLowerCase(Locale.ROOT);
        for (SchedulerKind kind : values()) {
            if (kind.cliName.equals(lower)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("scheduler must be one of dpm, ddim, ddpm, got " + name);
    }
}
