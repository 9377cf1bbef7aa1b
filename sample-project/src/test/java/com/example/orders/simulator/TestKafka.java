package com.example.orders.simulator;

import dev.arazzo.kafka.embedded.EmbeddedKafka;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The one broker of the sample's test JVM (started at first use, 2.5 s, stopped when the JVM ends), with the
 * place-order topics, and plain clients to write records and to read a topic from a point on.
 */
public final class TestKafka {

    private static EmbeddedKafka kafka;

    private TestKafka() {}

    /** Where the shared broker listens, starting it at the first call. */
    public static synchronized String bootstrapServers() throws Exception {
        if (kafka == null) {
            EmbeddedKafka started = EmbeddedKafka.start(PaymentServiceSimulator.TOPICS);
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "embedded-kafka-stop"));
            kafka = started;
        }
        return kafka.bootstrapServers();
    }

    /** Writes one record (no key) and waits for the broker's acknowledgement. */
    public static void write(String topic, Map<String, String> headers, String value) throws Exception {
        List<Header> recordHeaders = new ArrayList<>();
        headers.forEach((name, text) ->
                recordHeaders.add(new RecordHeader(name, text.getBytes(StandardCharsets.UTF_8))));
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                bootstrapServers()), new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, (Integer) null, (byte[]) null,
                    value.getBytes(StandardCharsets.UTF_8), recordHeaders)).get();
        } catch (ExecutionException e) {
            throw new AssertionError("could not write to " + topic, e.getCause());
        }
    }

    /** Reads a topic's one partition from where it ends now. */
    public static Reader reader(String topic) throws Exception {
        return new Reader(topic);
    }

    /** A consumer of one topic from the offset it had when the reader was made; no group, no commits. */
    public static final class Reader implements AutoCloseable {
        private final KafkaConsumer<byte[], byte[]> consumer;

        Reader(String topic) throws Exception {
            consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrapServers()),
                    new ByteArrayDeserializer(), new ByteArrayDeserializer());
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToEnd(List.of(partition));
            consumer.position(partition);
        }

        /** Every record written since the reader was made, waiting until there are {@code count}. */
        public List<TopicRecord> read(int count, Duration timeout) {
            List<TopicRecord> records = new ArrayList<>();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (records.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    records.add(TopicRecord.of(record));
                }
            }
            return records;
        }

        /** Whatever arrives within {@code quiet}: to show that nothing more was written. */
        public List<TopicRecord> readFor(Duration quiet) {
            List<TopicRecord> records = new ArrayList<>();
            long deadline = System.nanoTime() + quiet.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    records.add(TopicRecord.of(record));
                }
            }
            return records;
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
