package org.anomalyforge.ingest.broker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.anomalyforge.ingest.store.FileTrees;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node Kafka broker (KRaft, combined broker and controller, Kafka 3.9.1) running inside this JVM
 * on loopback ports, following STACK.md §5.1: the data directory is formatted with {@code StorageTool}
 * ({@code --ignore-formatted}, so an existing directory keeps its topics and data), then a
 * {@link KafkaRaftServer} is started and polled with {@code Admin.describeCluster} until it answers.
 *
 * <p>{@link #restart()} stops the server and starts it again on the same directory and ports, so clients
 * reconnect by themselves and every committed record is still there. {@link #close()} stops it and deletes
 * the directory only if this broker created it. Thread-safe: lifecycle methods are synchronized.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final int START_ATTEMPTS = 5;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

    private final Path dataDir;
    private final boolean ownsDataDir;
    private int brokerPort;
    private int controllerPort;
    private KafkaRaftServer server;
    private boolean closed;

    private EmbeddedKafkaBroker(Path dataDir, boolean ownsDataDir, int brokerPort, int controllerPort) {
        this.dataDir = dataDir;
        this.ownsDataDir = ownsDataDir;
        this.brokerPort = brokerPort;
        this.controllerPort = controllerPort;
    }

    /** Starts a broker on free ports in a new temporary directory that {@link #close()} deletes. */
    public static EmbeddedKafkaBroker start() {
        return start(0, 0);
    }

    /**
     * Starts a broker in a new temporary directory that {@link #close()} deletes.
     *
     * @param brokerPort     client port on 127.0.0.1, or 0 for a free one
     * @param controllerPort KRaft controller port on 127.0.0.1, or 0 for a free one
     */
    public static EmbeddedKafkaBroker start(int brokerPort, int controllerPort) {
        checkPorts(brokerPort, controllerPort);
        Path dir;
        try {
            dir = Files.createTempDirectory("anomalyforge-kafka-");
        } catch (IOException e) {
            throw new BrokerException("cannot create a temporary data directory for the broker: " + e.getMessage(), e);
        }
        return startIn(dir, true, brokerPort, controllerPort);
    }

    /** Starts a broker on free ports keeping its data in {@code dataDir} (created if missing, kept on close). */
    public static EmbeddedKafkaBroker start(Path dataDir) {
        return start(dataDir, 0, 0);
    }

    /**
     * Starts a broker keeping its data in {@code dataDir} (created if missing, kept on close).
     *
     * @param brokerPort     client port on 127.0.0.1, or 0 for a free one
     * @param controllerPort KRaft controller port on 127.0.0.1, or 0 for a free one
     */
    public static EmbeddedKafkaBroker start(Path dataDir, int brokerPort, int controllerPort) {
        checkPorts(brokerPort, controllerPort);
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new BrokerException("cannot create broker data directory " + dataDir + ": " + e.getMessage(), e);
        }
        return startIn(dataDir, false, brokerPort, controllerPort);
    }

    private static EmbeddedKafkaBroker startIn(Path dir, boolean owns, int brokerPort, int controllerPort) {
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dir, owns, brokerPort, controllerPort);
        try {
            broker.launch(brokerPort == 0, controllerPort == 0);
        } catch (RuntimeException e) {
            if (owns) {
                deleteData(dir);
            }
            throw e;
        }
        return broker;
    }

    /** {@code 127.0.0.1:<brokerPort>}, for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return "127.0.0.1:" + brokerPort();
    }

    public synchronized int brokerPort() {
        return brokerPort;
    }

    public synchronized int controllerPort() {
        return controllerPort;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Creates those of {@code names} that do not exist yet, with one partition each; returns the created ones. */
    public List<String> createTopics(String... names) {
        return createTopics(1, names);
    }

    /**
     * Creates those of {@code names} that do not exist yet with {@code partitions} partitions (replication
     * factor 1) and waits until they are visible; existing topics are left as they are.
     *
     * @return the names actually created, in the given order
     */
    public List<String> createTopics(int partitions, String... names) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1, got " + partitions);
        }
        for (String name : names) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("topic names must not be blank, got " + Arrays.toString(names));
            }
        }
        try (Admin admin = admin()) {
            Set<String> existing = admin.listTopics().names().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            List<String> created = Arrays.stream(names).distinct().filter(n -> !existing.contains(n)).toList();
            if (!created.isEmpty()) {
                admin.createTopics(created.stream().map(n -> new NewTopic(n, partitions, (short) 1)).toList())
                        .all().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                awaitLeaders(admin, created);
            }
            return created;
        } catch (ExecutionException | TimeoutException e) {
            throw new BrokerException("cannot create topics " + Arrays.toString(names) + " on " + bootstrapServers()
                    + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerException("interrupted while creating topics " + Arrays.toString(names), e);
        }
    }

    /** Polls until every partition of {@code topics} has a leader: creation returns before metadata spreads. */
    private void awaitLeaders(Admin admin, List<String> topics) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + ADMIN_TIMEOUT.toNanos();
        String lastProblem = "not described yet";
        while (System.nanoTime() < deadline) {
            try {
                Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames()
                        .get(5, TimeUnit.SECONDS);
                boolean ready = described.values().stream().allMatch(d -> !d.partitions().isEmpty()
                        && d.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty()));
                if (ready) {
                    return;
                }
                lastProblem = "some partitions have no leader yet";
            } catch (ExecutionException e) {
                lastProblem = e.getCause().toString();
            }
            Thread.sleep(50);
        }
        throw new TimeoutException("topics " + topics + " not ready after " + ADMIN_TIMEOUT.toSeconds() + " s: "
                + lastProblem);
    }

    /** Stops the server and starts it again on the same data directory and ports; topics and data survive. */
    public synchronized void restart() {
        if (closed) {
            throw new IllegalStateException("broker on " + bootstrapServers() + " is closed and cannot restart");
        }
        stopServer();
        launch(false, false);
    }

    /** Stops the server; deletes the data directory if {@link #start()} created it. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        stopServer();
        if (ownsDataDir) {
            deleteData(dataDir);
        }
    }

    /** Formats the data directory (if new) and starts the server, retrying on fresh ports if they were free picks. */
    private synchronized void launch(boolean pickBrokerPort, boolean pickControllerPort) {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            // A free port can be taken between the probe and the bind (STACK.md pitfall 8): retry on new ones.
            if (pickBrokerPort) {
                brokerPort = FreePorts.pick(Set.of(controllerPort));
            }
            if (pickControllerPort) {
                controllerPort = FreePorts.pick(Set.of(brokerPort));
            }
            try {
                startServer();
                awaitReady();
                return;
            } catch (RuntimeException e) {
                last = e;
                stopServer();
                sleepBeforeRetry();
            }
        }
        throw new BrokerException("broker did not start after " + START_ATTEMPTS + " attempts (last ports: broker "
                + brokerPort + ", controller " + controllerPort + ", data " + dataDir + "): " + last.getMessage(), last);
    }

    private void startServer() {
        Properties props = BrokerProperties.of(dataDir.resolve("logs"), brokerPort, controllerPort);
        Path config = dataDir.resolve("server.properties");
        try (OutputStream out = Files.newOutputStream(config)) {
            props.store(out, "AnomalyForge embedded broker (written on every start)");
        } catch (IOException e) {
            throw new BrokerException("cannot write " + config + ": " + e.getMessage(), e);
        }
        // Format only a new directory: Kafka 3.9 refuses to re-format (even with --ignore-formatted) when the
        // given cluster id differs from the stored one, and a restart must keep the stored one anyway.
        if (!Files.exists(dataDir.resolve("logs").resolve("meta.properties"))) {
            format(config);
        }
        server = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
        server.startup();
    }

    private void format(Path config) {
        ByteArrayOutputStream toolOutput = new ByteArrayOutputStream();
        int rc;
        try (PrintStream print = new PrintStream(toolOutput, true, StandardCharsets.UTF_8)) {
            rc = StorageTool.execute(new String[] {"format", "-t", Uuid.randomUuid().toString(),
                    "-c", config.toString(), "--ignore-formatted"}, print);
        }
        if (rc != 0) {
            throw new BrokerException("kafka storage format of " + dataDir + " failed with exit code " + rc + ": "
                    + toolOutput.toString(StandardCharsets.UTF_8).trim());
        }
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        String lastProblem = "no answer yet";
        try (Admin admin = admin()) {
            while (System.nanoTime() < deadline) {
                try {
                    if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                    lastProblem = "describeCluster returned no nodes";
                } catch (ExecutionException | TimeoutException e) {
                    lastProblem = e.toString();
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerException("interrupted while waiting for the broker on " + bootstrapServers(), e);
        }
        throw new BrokerException("broker on " + bootstrapServers() + " not ready after " + READY_TIMEOUT.toSeconds()
                + " s: " + lastProblem);
    }

    private Admin admin() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ADMIN_TIMEOUT.toMillis());
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        return Admin.create(p);
    }

    private void stopServer() {
        if (server != null) {
            KafkaRaftServer stopping = server;
            server = null;
            stopping.shutdown();
            stopping.awaitShutdown();
        }
    }

    private static void sleepBeforeRetry() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerException("interrupted while retrying broker start-up", e);
        }
    }

    private static void checkPorts(int brokerPort, int controllerPort) {
        checkPort("brokerPort", brokerPort);
        checkPort("controllerPort", controllerPort);
        if (brokerPort != 0 && brokerPort == controllerPort) {
            throw new IllegalArgumentException("brokerPort and controllerPort must differ, got " + brokerPort
                    + " for both");
        }
    }

    private static void checkPort(String field, int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException(field + " must be 0 (free port) or 1..65535, got " + port);
        }
    }

    private static void deleteData(Path dir) {
        try {
            FileTrees.delete(dir);
        } catch (IOException e) {
            throw new BrokerException("cannot delete broker data directory " + dir + ": " + e.getMessage(), e);
        }
    }
}
