package org.anomalyforge.jobs.stream;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.anomalyforge.ingest.broker.EmbeddedKafkaBroker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code forge broker}: the embedded single-node KRaft Kafka broker, standalone until Ctrl-C. */
@Command(name = "broker", mixinStandardHelpOptions = true,
        description = "Run a local single-node Kafka broker (KRaft, Kafka 3.9.1) on 127.0.0.1 until Ctrl-C, "
                + "with the topics of the streaming inspection created. With --data the topics and frames survive "
                + "a restart; without it everything is deleted on exit.",
        footer = {"", "Examples:", "  forge broker",
                "  forge broker --port 19092 --data data/kafka --topics frames,inspections,frames.dlq --partitions 2",
                "", "Then: forge cameras --bootstrap 127.0.0.1:9092 --source sample --seconds 30"})
public final class BrokerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "9092", paramLabel = "P",
            description = "client port on 127.0.0.1, 0 for a free one (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--controller-port", defaultValue = "0", paramLabel = "P",
            description = "KRaft controller port on 127.0.0.1, 0 for a free one (default: ${DEFAULT-VALUE})")
    int controllerPort;

    @Option(names = "--data", paramLabel = "DIR",
            description = "data directory, kept on exit (default: a temporary directory, deleted on exit)")
    Path data;

    @Option(names = "--topics", split = ",", paramLabel = "NAME", defaultValue = "frames,inspections,frames.dlq",
            description = "topics to create if missing, comma-separated (default: ${DEFAULT-VALUE})")
    List<String> topics;

    @Option(names = "--partitions", defaultValue = "1", paramLabel = "N",
            description = "partitions of each new topic (default: ${DEFAULT-VALUE})")
    int partitions;

    @Override
    public Integer call() throws InterruptedException {
        if (partitions < 1) {
            throw new ParameterException(spec.commandLine(), "--partitions must be >= 1, got " + partitions);
        }
        EmbeddedKafkaBroker broker;
        try {
            broker = data == null ? EmbeddedKafkaBroker.start(port, controllerPort)
                    : EmbeddedKafkaBroker.start(data, port, controllerPort);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            stopped.countDown();
        }, "forge-broker-shutdown"));
        List<String> created = broker.createTopics(partitions, topics.toArray(String[]::new));
        PrintWriter out = spec.commandLine().getOut();
        out.println("Kafka broker listening on " + broker.bootstrapServers() + " (controller port "
                + broker.controllerPort() + ", data " + broker.dataDir().toAbsolutePath()
                + (data == null ? ", deleted on exit" : "") + ").");
        out.println("Topics: " + String.join(", ", topics) + (created.isEmpty() ? " (all existed)"
                : " (created: " + String.join(", ", created) + ")") + ".");
        out.println("Press Ctrl-C to stop.");
        out.flush();
        stopped.await();
        return 0;
    }
}
