package org.anomalyforge.ingest.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EmbeddedKafkaBrokerTest {

    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void start() {
        broker = EmbeddedKafkaBroker.start();
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    @Test
    void listensOnLoopbackWithTwoDistinctPorts() {
        assertEquals("127.0.0.1:" + broker.brokerPort(), broker.bootstrapServers());
        assertNotEquals(broker.brokerPort(), broker.controllerPort());
        assertTrue(broker.brokerPort() > 0 && broker.controllerPort() > 0);
    }

    @Test
    void hundredMessagesThroughAConsumerGroup() throws Exception {
        assertEquals(List.of("numbers"), broker.createTopics(2, "numbers"));
        KafkaTestClients.produce(broker.bootstrapServers(), "numbers", 0, 100);
        List<ConsumerRecord<String, String>> records =
                KafkaTestClients.consume(broker.bootstrapServers(), "numbers", "group-a", 100);
        assertEquals(100, records.size());
        Set<String> values = records.stream().map(ConsumerRecord::value).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(IntStream.range(0, 100).mapToObj(i -> "v" + i).collect(Collectors.toCollection(TreeSet::new)),
                values);
        assertEquals(Set.of(0, 1), records.stream().map(ConsumerRecord::partition).collect(Collectors.toSet()));
        // The group's offsets were committed on the broker: 100 records over both partitions.
        try (Admin admin = Admin.create(java.util.Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers()))) {
            long committed = admin.listConsumerGroupOffsets("group-a").partitionsToOffsetAndMetadata()
                    .get(10, TimeUnit.SECONDS).values().stream().mapToLong(o -> o.offset()).sum();
            assertEquals(100, committed);
        }
    }

    @Test
    void createTopicsCreatesOnlyMissingOnesWithTheirPartitions() throws Exception {
        assertEquals(List.of("t1", "t2"), broker.createTopics(3, "t1", "t2"));
        assertEquals(List.of("t3"), broker.createTopics("t1", "t3"));
        try (Admin admin = Admin.create(java.util.Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers()))) {
            var topics = admin.describeTopics(List.of("t1", "t3")).allTopicNames().get(10, TimeUnit.SECONDS);
            assertEquals(3, topics.get("t1").partitions().size());
            assertEquals(1, topics.get("t3").partitions().size());
        }
    }

    @Test
    void invalidArgumentsAreNamed() {
        assertEquals("partitions must be >= 1, got 0", assertThrows(IllegalArgumentException.class,
                () -> broker.createTopics(0, "x")).getMessage());
        assertEquals("topic names must not be blank, got [ok,  ]", assertThrows(IllegalArgumentException.class,
                () -> broker.createTopics("ok", " ")).getMessage());
        assertEquals("brokerPort must be 0 (free port) or 1..65535, got 70000", assertThrows(
                IllegalArgumentException.class, () -> EmbeddedKafkaBroker.start(broker.dataDir(), 70000, 0))
                .getMessage());
    }
}
