package org.anomalyforge.jobs.stream;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryException;

/**
 * Runs the inspection query and restarts it from its checkpoint when it fails, with bounded retries and
 * growing back-off. Restarting is safe because the verdict table is idempotent per batch.
 *
 * <p>Besides broker outages and executor loss, this covers a Spark 4.1.1 regression (SPARK-55271,
 * SPARK-57438): after a restart, the replayed micro-batch completes and commits, then the Kafka source's
 * progress metrics throw a NullPointerException; the next start proceeds normally.
 */
public final class SupervisedStream {

    /** How long to run: until the topic is drained (AvailableNow), for a duration, or until stopped. */
    public sealed interface RunFor {
        record Drain() implements RunFor {}

        record Duration(java.time.Duration duration) implements RunFor {}

        record Forever() implements RunFor {}
    }

    private SupervisedStream() {}

    /**
     * @param maxRestarts restarts allowed after failures; the failure after the last one is rethrown
     * @param log         where restarts are reported
     * @param onStart     called with each started query (e.g. to register a shutdown hook)
     */
    public static void run(SparkSession spark, InspectionStream.Options options, RunFor runFor, int maxRestarts,
                           PrintStream log, java.util.function.Consumer<StreamingQuery> onStart)
            throws IOException, TimeoutException, StreamingQueryException, InterruptedException {
        long deadline = runFor instanceof RunFor.Duration d ? System.nanoTime() + d.duration().toNanos() : Long.MAX_VALUE;
        int restarts = 0;
        while (true) {
            StreamingQuery query = InspectionStream.start(spark, options);
            onStart.accept(query);
            try {
                if (runFor instanceof RunFor.Duration) {
                    long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
                    if (!query.awaitTermination(left)) {
                        query.stop();
                    }
                } else {
                    query.awaitTermination();
                }
                return;
            } catch (StreamingQueryException e) {
                if (restarts >= maxRestarts || System.nanoTime() >= deadline) {
                    throw e;
                }
                restarts++;
                Duration backoff = Duration.ofMillis(Math.min(30_000, 500L << Math.min(6, restarts - 1)));
                log.println("forge inspect: query failed (" + firstLine(e) + "); restart " + restarts + "/" + maxRestarts
                        + " from the checkpoint in " + backoff.toMillis() + " ms");
                Thread.sleep(backoff.toMillis());
            }
        }
    }

    private static String firstLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = String.valueOf(root.getMessage());
        int nl = m.indexOf('\n');
        return root.getClass().getSimpleName() + ": " + (nl < 0 ? m : m.substring(0, nl));
    }
}
