package org.anomalyforge.ingest.broker;

import java.nio.file.Path;
import java.util.Properties;

/**
 * The server configuration of the single-node combined broker+controller (STACK.md §5.1, pitfalls 7–8).
 */
final class BrokerProperties {

    /**
     * Largest record batch the broker accepts: 16 MiB plus room for headers, so frames up to twice
     * {@code FrameCodec.DEFAULT_MAX_PAYLOAD_BYTES} reach the consumer and are refused there with a reason,
     * not by the broker without one.
     */
    static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024 + 64 * 1024;

    private BrokerProperties() {}

    static Properties of(Path logDir, int brokerPort, int controllerPort) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        // One node: internal topics must have replication factor 1, or consumer groups silently get nothing.
        p.put("offsets.topic.replication.factor", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("num.partitions", "1");
        p.put("offsets.topic.num.partitions", "1");
        p.put("auto.create.topics.enable", "true");
        p.put("message.max.bytes", Integer.toString(MAX_MESSAGE_BYTES));
        p.put("replica.fetch.max.bytes", Integer.toString(MAX_MESSAGE_BYTES));
        // The default 128 MiB compaction buffer is allocated on the heap; a laptop broker needs far less.
        p.put("log.cleaner.dedupe.buffer.size", Integer.toString(8 * 1024 * 1024));
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "4");
        return p;
    }
}
