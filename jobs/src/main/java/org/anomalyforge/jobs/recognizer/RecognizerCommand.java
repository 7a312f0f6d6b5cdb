package org.anomalyforge.jobs.recognizer;

import picocli.CommandLine.Command;

/** {@code forge recognizer}: the Trokens few-shot action recogniser. */
@Command(name = "recognizer", mixinStandardHelpOptions = true,
        description = "Few-shot action recognition on camera clips (Trokens: semantic point tracks + appearance): "
                + "train on labelled clips, evaluate N-way K-shot on unseen classes, classify a clip against "
                + "a few support clips per class.",
        subcommands = {RecognizerTrainCommand.class, RecognizerEvaluateCommand.class, RecognizerClassifyCommand.class})
public final class RecognizerCommand {}
