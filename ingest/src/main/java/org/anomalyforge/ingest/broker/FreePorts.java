package org.anomalyforge.ingest.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;

/** Picks a loopback port that is free right now (it may be taken again before use: callers retry). */
final class FreePorts {

    private static final int ATTEMPTS = 5;

    private FreePorts() {}

    /** A free port on 127.0.0.1 that is not in {@code avoid}. */
    static int pick(Set<Integer> avoid) {
        IOException last = null;
        for (int i = 0; i < ATTEMPTS; i++) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                int port = socket.getLocalPort();
                if (!avoid.contains(port)) {
                    return port;
                }
            } catch (IOException e) {
                last = e;
            }
        }
        throw new UncheckedIOException("no free loopback port found in " + ATTEMPTS + " attempts", last == null
                ? new IOException("every port offered was in " + avoid) : last);
    }
}
