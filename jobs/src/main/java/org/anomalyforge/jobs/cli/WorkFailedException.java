package org.anomalyforge.jobs.cli;

/** The work of a command failed for a reason already explained to the user; exit code 1. */
public class WorkFailedException extends RuntimeException {
    public WorkFailedException(String message) {
        super(message);
    }
}
