package org.anomalyforge.ingest.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaBrokerRestartTest {

    @TempDir
    Path dir;

    @Test
    void restartAndReopenOnTheSameDirectoryKeepTopicsAndData() throws Exception {
        int brokerPort;
        int controllerPort;
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir)) {
            brokerPort = broker.brokerPort();
            controllerPort = broker.controllerPort();
            broker.createTopics("kept");
            KafkaTestClients.produce(broker.bootstrapServers(), "kept", 0, 10);
            broker.restart();
            assertEquals(brokerPort, broker.brokerPort());
            assertEquals(List.of(), broker.createTopics("kept"));
            KafkaTestClients.produce(broker.bootstrapServers(), "kept", 10, 15);
        }
        assertTrue(Files.isDirectory(dir.resolve("logs")), "a given data directory is kept on close");
        try (EmbeddedKafkaBroker reopened = EmbeddedKafkaBroker.start(dir, brokerPort, controllerPort)) {
            List<ConsumerRecord<String, String>> records =
                    KafkaTestClients.consume(reopened.bootstrapServers(), "kept", "after-restart", 15);
            assertEquals(List.of("v0", "v1", "v2", "v3", "v4", "v5", "v6", "v7", "v8", "v9", "v10", "v11", "v12",
                    "v13", "v14"), records.stream().map(ConsumerRecord::value).toList());
        }
    }

    @Test
    void temporaryDirectoryIsDeletedOnClose() {
        Path data;
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start()) {
            data = broker.dataDir();
            assertTrue(Files.isDirectory(data.resolve("logs")));
        }
        assertFalse(Files.exists(data));
    }
}
