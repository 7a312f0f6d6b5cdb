package org.anomalyforge.jobs.segmenter;

import java.util.Locale;
import org.anomalyforge.jobs.cli.Progress;
import org.anomalyforge.segmenter.TrainingProgress;

/** Shows LFD training as a progress bar: iterations with rate and ETA, the loss, lr and validation AP. */
final class ProgressBarTraining implements TrainingProgress, AutoCloseable {
    private final String name;
    private Progress bar;
    private String validation = "";

    ProgressBarTraining(String name) {
        this.name = name;
    }

    @Override
    public void onStart(long totalIterations) {
        bar = Progress.start("train " + name, totalIterations, "it");
    }

    @Override
    public void onIteration(long iteration, double loss, double lr) {
        bar.stepTo(iteration);
        bar.message(String.format(Locale.ROOT, " loss %.4f lr %.2e%s", loss, lr, validation));
    }

    @Override
    public void onValidation(int epoch, double pixelAp, boolean best) {
        validation = String.format(Locale.ROOT, " | val AP %.3f @%d%s", pixelAp, epoch, best ? "*" : "");
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
