package org.anomalyforge.ingest.dataset;

final class OpenCvForTests {
    private OpenCvForTests() {}

    static void load() {
        org.anomalyforge.ingest.image.OpenCv.ensureLoaded();
    }
}
