package org.anomalyforge.jobs.generator;

import java.util.Locale;
import java.util.Map;
import org.anomalyforge.generator.FinetuneProgress;
import org.anomalyforge.jobs.cli.Progress;

/** SeaS fine-tuning as progress bars, one per stage, with each loss term, the lr, rate and ETA. */
final class ProgressBarFinetune implements FinetuneProgress, AutoCloseable {
    private final String product;
    private Progress bar;

    ProgressBarFinetune(String product) {
        this.product = product;
    }

    @Override
    public void onStage(String stage, long totalSteps) {
        close();
        bar = Progress.start(stage + " " + product, totalSteps, "step");
    }

    @Override
    public void onStep(long step, Map<String, Double> losses, double lr) {
        StringBuilder m = new StringBuilder();
        losses.forEach((k, v) -> m.append(' ').append(k).append(' ').append(String.format(Locale.ROOT, "%.4f", v)));
        m.append(String.format(Locale.ROOT, " lr %.1e", lr));
        bar.stepTo(step);
        bar.message(m.toString());
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
