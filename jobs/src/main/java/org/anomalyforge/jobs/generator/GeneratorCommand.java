package org.anomalyforge.jobs.generator;

import picocli.CommandLine.Command;

/** {@code forge generator}: defect image–mask pair generation. */
@Command(name = "generator", mixinStandardHelpOptions = true,
        description = "Generate defect image–mask pairs (the DRAEM-style Perlin baseline; SeaS with issues #4/#5).",
        subcommands = {SynthesizeCommand.class})
public final class GeneratorCommand {}
