package org.anomalyforge.jobs.segmenter;

import picocli.CommandLine.Command;

/** {@code forge segmenter}: the LFD segmenter. */
@Command(name = "segmenter", mixinStandardHelpOptions = true,
        description = "Train, evaluate and run the LFD anomaly segmenter.",
        subcommands = {SegmenterTrainCommand.class, SegmenterEvaluateCommand.class, SegmenterPredictCommand.class,
                SegmenterStrataCommand.class})
public final class SegmenterCommand {}
