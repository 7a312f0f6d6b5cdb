package org.anomalyforge.jobs.experiment;

import picocli.CommandLine.Command;

/** {@code forge experiment}: controlled comparisons that answer "does the generator help the segmenter?". */
@Command(name = "experiment", mixinStandardHelpOptions = true,
        description = "Controlled experiments over the whole pipeline.",
        subcommands = {SeasVsBaselineCommand.class})
public final class ExperimentCommand {
}
