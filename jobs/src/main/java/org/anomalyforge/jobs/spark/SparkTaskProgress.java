package org.anomalyforge.jobs.spark;

import java.util.concurrent.atomic.AtomicLong;
import org.anomalyforge.jobs.cli.Progress;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;

/**
 * Drives a {@link Progress} bar from Spark task completions, counting work units that the tasks report
 * through a named long accumulator (e.g. pairs written), so the bar shows real units with rate and ETA.
 */
public final class SparkTaskProgress implements AutoCloseable {
    private final SparkSession spark;
    private final Listener listener;
    private final Progress progress;

    private SparkTaskProgress(SparkSession spark, Progress progress, String accumulatorName) {
        this.spark = spark;
        this.progress = progress;
        this.listener = new Listener(progress, accumulatorName);
        spark.sparkContext().addSparkListener(listener);
    }

    /**
     * @param accumulatorName name of the {@code LongAccumulator} the tasks add finished units to
     */
    public static SparkTaskProgress start(SparkSession spark, String task, long total, String unit,
                                          String accumulatorName) {
        return new SparkTaskProgress(spark, Progress.start(task, total, unit), accumulatorName);
    }

    @Override
    public void close() {
        spark.sparkContext().removeSparkListener(listener);
        progress.close();
    }

    private static final class Listener extends SparkListener {
        private final Progress progress;
        private final String accumulatorName;
        private final AtomicLong done = new AtomicLong();

        Listener(Progress progress, String accumulatorName) {
            this.progress = progress;
            this.accumulatorName = accumulatorName;
        }

        @Override
        public void onTaskEnd(SparkListenerTaskEnd end) {
            if (end.taskInfo() == null || !end.taskInfo().successful()) {
                return;
            }
            scala.collection.Iterator<org.apache.spark.scheduler.AccumulableInfo> it =
                    end.taskInfo().accumulables().iterator();
            while (it.hasNext()) {
                org.apache.spark.scheduler.AccumulableInfo a = it.next();
                if (a.name().isDefined() && a.name().get().equals(accumulatorName) && a.update().isDefined()) {
                    progress.stepTo(done.addAndGet(((Number) a.update().get()).longValue()));
                }
            }
        }
    }
}
