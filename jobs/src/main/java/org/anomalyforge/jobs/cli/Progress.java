package org.anomalyforge.jobs.cli;

import java.time.Duration;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on stderr with count, rate and ETA, for every long-running command.
 *
 * <p>Thread-safe: worker threads may call {@link #step()} concurrently.
 */
public final class Progress implements AutoCloseable {

    private final ProgressBar bar;

    private Progress(ProgressBar bar) {
        this.bar = bar;
    }

    /**
     * @param task  what is being counted, e.g. "render"
     * @param total number of units expected
     * @param unit  the unit's name for the rate, e.g. "img"
     */
    public static Progress start(String task, long total, String unit) {
        return new Progress(new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII)
                .setUnit(" " + unit, 1)
                .showSpeed()
                .setSpeedUnit(java.time.temporal.ChronoUnit.SECONDS)
                .setUpdateIntervalMillis(250)
                .setConsumer(new ConsoleProgressBarConsumer(System.err, width()))
                .build());
    }

    /** $COLUMNS when the shell exports it; otherwise wide enough for the bar plus loss messages (logs, CI). */
    private static int width() {
        String columns = System.getenv("COLUMNS");
        if (columns != null && columns.matches("[0-9]{2,4}")) {
            return Math.max(60, Integer.parseInt(columns) - 1);
        }
        return 150;
    }

    public void step() {
        bar.step();
    }

    public void stepTo(long n) {
        bar.stepTo(n);
    }

    public void message(String text) {
        bar.setExtraMessage(text);
    }

    public Duration elapsed() {
        return bar.getTotalElapsed();
    }

    @Override
    public void close() {
        bar.close();
    }
}
