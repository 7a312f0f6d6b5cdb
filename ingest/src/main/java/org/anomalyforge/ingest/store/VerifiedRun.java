package org.anomalyforge.ingest.store;

/** A committed run whose files were checked against its manifest. */
public record VerifiedRun(RunRef ref, Manifest manifest) {}
