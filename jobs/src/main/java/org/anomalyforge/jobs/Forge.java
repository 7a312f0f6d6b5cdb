package org.anomalyforge.jobs;

import org.anomalyforge.jobs.cli.ForgeExceptionHandler;
import org.anomalyforge.jobs.cli.ForgeVersion;
import org.anomalyforge.jobs.bench.BenchCommand;
import org.anomalyforge.jobs.clips.ClipsCommand;
import org.anomalyforge.jobs.dataset.DatasetCommand;
import org.anomalyforge.jobs.demo.DemoCommand;
import org.anomalyforge.jobs.recognizer.RecognizerCommand;
import org.anomalyforge.jobs.experiment.ExperimentCommand;
import org.anomalyforge.jobs.generator.GeneratorCommand;
import org.anomalyforge.jobs.segmenter.SegmenterCommand;
import org.anomalyforge.jobs.stream.BrokerCommand;
import org.anomalyforge.jobs.stream.CamerasCommand;
import org.anomalyforge.jobs.stream.InspectCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code forge} command line: {@code forge <area> <verb>}.
 *
 * <p>Exit codes: 0 on success, 2 on bad usage, 1 on failed work (ARCHITECTURE.md, "Command line").
 */
@Command(name = "forge", mixinStandardHelpOptions = true, versionProvider = ForgeVersion.class,
        description = {"AnomalyForge: few-shot defect generation, segmentation and streaming inspection.", ""},
        subcommands = {DemoCommand.class, DatasetCommand.class, GeneratorCommand.class, SegmenterCommand.class,
                ExperimentCommand.class, BenchCommand.class, BrokerCommand.class, CamerasCommand.class,
                InspectCommand.class, ClipsCommand.class, RecognizerCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Examples:",
                "  forge demo                                   the whole pipeline on a generated sample",
                "  forge dataset sample --out data/sample       three procedural products in MVTec layout",
                "  forge dataset check data/mvtec/bottle        validate a dataset and print its few-shot split",
                "  forge segmenter train --data data/sample --pairs pairs/perlin --store models",
                "  forge experiment seas-vs-baseline --data DIR --seas-pairs PAIRS --work DIR   SeaS vs Perlin vs none",
                "  forge bench segmenter                        LFD frames/s at batch 1 and 8",
                "  forge clips synth --out data/clips           synthetic factory action clips (MJPG AVI)",
                "  forge broker --data kafka-data               a local Kafka broker (KRaft) until Ctrl-C",
                "  forge cameras --bootstrap 127.0.0.1:9092 --source sample --cameras 4 --fps 10",
                "", "Run 'forge <command> --help' for the options of a command."})
public final class Forge implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, also used by tests. */
    public static CommandLine commandLine() {
        return new CommandLine(new Forge())
                .setExecutionExceptionHandler(new ForgeExceptionHandler())
                .setCaseInsensitiveEnumValuesAllowed(true);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: choose one of "
                + String.join(", ", spec.subcommands().keySet()));
    }
}
