package org.anomalyforge.jobs.clips;

import picocli.CommandLine.Command;

/** {@code forge clips}: labelled action clips for the Trokens recogniser. */
@Command(name = "clips", mixinStandardHelpOptions = true,
        description = "Make labelled action clips (MJPG AVI + manifest CSV) for the few-shot action recogniser.",
        subcommands = {SynthCommand.class})
public final class ClipsCommand {}
