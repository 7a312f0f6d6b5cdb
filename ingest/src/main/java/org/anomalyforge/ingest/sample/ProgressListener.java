package org.anomalyforge.ingest.sample;

/** Told after each image {@link SampleProductGenerator#write} has written, on the writing thread. */
@FunctionalInterface
public interface ProgressListener {

    /** A listener that ignores progress. */
    ProgressListener NONE = (done, total) -> { };

    /**
     * @param done  images written so far, 1..total
     * @param total images the whole run writes
     */
    void onImage(int done, int total);
}
