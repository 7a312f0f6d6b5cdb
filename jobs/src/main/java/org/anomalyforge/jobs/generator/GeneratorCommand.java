package org.anomalyforge.jobs.generator;

import picocli.CommandLine.Command;

/** {@code forge generator}: defect image–mask pair generation. */
@Command(name = "generator", mixinStandardHelpOptions = true,
        description = "SeaS fine-tuning and sampling, and mass production of defect image–mask pairs.",
        subcommands = {FinetuneCommand.class, TrainMasksCommand.class, SampleCommand.class, SynthesizeCommand.class,
            ImportSd14Command.class, ReportCommand.class, ConsistencyCommand.class})
public final class GeneratorCommand {}
