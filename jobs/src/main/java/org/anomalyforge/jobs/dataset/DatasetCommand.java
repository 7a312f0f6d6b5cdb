package org.anomalyforge.jobs.dataset;

import picocli.CommandLine.Command;

/** {@code forge dataset}: make sample datasets and validate datasets. */
@Command(name = "dataset", mixinStandardHelpOptions = true,
        description = "Make a sample product dataset; validate any dataset and print its few-shot split.",
        subcommands = {DatasetSampleCommand.class, DatasetCheckCommand.class})
public final class DatasetCommand {}
