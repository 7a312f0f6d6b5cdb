package org.anomalyforge.ingest.broker;

/** The embedded broker could not be started, used or stopped; the message says which step and why. */
public class BrokerException extends RuntimeException {
    public BrokerException(String message) {
        super(message);
    }

    public BrokerException(String message, Throwable cause) {
        super(message, cause);
    }
}
