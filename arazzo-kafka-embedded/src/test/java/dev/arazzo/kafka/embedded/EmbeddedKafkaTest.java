package dev.arazzo.kafka.embedded;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/** One node started, used by a real producer and consumer, and removed. */
class EmbeddedKafkaTest {

    @Test
    void startsWithTheTopicsCarriesARecordAndDeletesItsFolderOnClose() throws Exception {
        Path directory;
        try (EmbeddedKafka kafka = EmbeddedKafka.start(List.of("orders", "payments"))) {
            directory = kafka.directory();
            assertTrue(kafka.bootstrapServers().startsWith("127.0.0.1:"), kafka.bootstrapServers());
            assertTrue(Files.isDirectory(directory));

            try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
                Set<String> topics = admin.listTopics().names().get();
                assertEquals(Set.of("orders", "payments"), topics);
                assertEquals(1, admin.describeTopics(List.of("orders")).allTopicNames().get().get("orders")
                        .partitions().size());
            }

            byte[] payload = "{\"orderId\":\"o-1\"}".getBytes(StandardCharsets.UTF_8);
            try (var producer = new KafkaProducer<byte[], byte[]>(
                    Map.of("bootstrap.servers", kafka.bootstrapServers()),
                    new ByteArraySerializer(), new ByteArraySerializer())) {
                producer.send(new ProducerRecord<>("orders", "o-1".getBytes(StandardCharsets.UTF_8), payload))
                        .get();
            }
            try (var consumer = new KafkaConsumer<byte[], byte[]>(
                    Map.of("bootstrap.servers", kafka.bootstrapServers()),
                    new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
                TopicPartition orders = new TopicPartition("orders", 0);
                consumer.assign(List.of(orders));
                consumer.seekToBeginning(List.of(orders));
                ConsumerRecord<byte[], byte[]> record = null;
                long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (record == null && System.nanoTime() < until) {
                    ConsumerRecords<byte[], byte[]> polled = consumer.poll(Duration.ofMillis(200));
                    if (!polled.isEmpty()) {
                        record = polled.iterator().next();
                    }
                }
                assertNotNull(record, "no record read back from 'orders' within 20 s");
                assertEquals(0, record.offset());
                assertArrayEquals("o-1".getBytes(StandardCharsets.UTF_8), record.key());
                assertArrayEquals(payload, record.value());
            }
        }
        assertFalse(Files.exists(directory), "the node's folder is left behind: " + directory);
    }
}
