package dev.arazzo.kafka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arazzo.kafka.embedded.EmbeddedKafka;
import dev.arazzo.runtime.Message;
import dev.arazzo.runtime.MessageSubscription;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** KafkaMessageTransport against a real broker started once for the class. */
class KafkaMessageTransportTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private static EmbeddedKafka kafka;
    private static KafkaMessageTransport transport;

    @BeforeAll
    static void startBroker() throws Exception {
        kafka = EmbeddedKafka.start(List.of("sent", "replies", "early", "decoys", "quiet", "interrupted",
                "shared", "closing"));
        transport = KafkaMessageTransport.create(Map.of("bootstrap.servers", kafka.bootstrapServers(),
                "client.id", "transport-test"));
    }

    @AfterAll
    static void stopBroker() {
        if (transport != null) {
            transport.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    private static Predicate<Message> correlated(String id) {
        return message -> message.header("correlationId").filter(id::equals).isPresent();
    }

    /** Another party's producer: writes a record with exactly these headers. */
    private static void publish(String topic, Map<String, String> headers, String payload) throws Exception {
        List<Header> recordHeaders = new ArrayList<>();
        headers.forEach((k, v) -> recordHeaders.add(new RecordHeader(k, v.getBytes(StandardCharsets.UTF_8))));
        try (var producer = new KafkaProducer<byte[], byte[]>(Map.of("bootstrap.servers", kafka.bootstrapServers()),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, (Integer) null, (byte[]) null, payload.getBytes(StandardCharsets.UTF_8),
                    recordHeaders)).get();
        }
    }

    @Test
    void sendWritesOneRecordWithTheHeadersAndThePayloadBytes() throws Exception {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("correlationId", "c-1");
        headers.put("traceparent", "00-ab-cd-01");
        transport.send(Message.json("sent", headers, "{\"orderId\":\"o-1\",\"note\":\"caf\u00e9\"}"));

        try (var consumer = new KafkaConsumer<byte[], byte[]>(Map.of("bootstrap.servers", kafka.bootstrapServers()),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition("sent", 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (records.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            assertEquals(1, records.size());
            ConsumerRecord<byte[], byte[]> record = records.get(0);
            assertEquals("sent", record.topic());
            assertEquals(null, record.key());
            assertArrayEquals("{\"orderId\":\"o-1\",\"note\":\"caf\u00e9\"}".getBytes(StandardCharsets.UTF_8),
                    record.value());
            List<String> written = new ArrayList<>();
            record.headers().forEach(h -> written.add(h.key() + "=" + new String(h.value(), StandardCharsets.UTF_8)));
            assertEquals(List.of("correlationId=c-1", "traceparent=00-ab-cd-01"), written);
        }
    }

    @Test
    void aReplyWrittenBeforeTheReceiveStartsIsReceived() throws Exception {
        try (MessageSubscription subscription = transport.subscribe(List.of("replies"))) {
            publish("replies", Map.of("correlationId", "c-2"), "{\"status\":\"PLACED\"}");
            Thread.sleep(300);
            Message reply = subscription.receive("replies", correlated("c-2"), WAIT).orElseThrow();
            assertEquals("replies", reply.channel());
            assertEquals(Map.of("correlationId", "c-2"), reply.headers());
            assertEquals("{\"status\":\"PLACED\"}", reply.payloadText());
        }
    }

    @Test
    void recordsWrittenBeforeTheSubscriptionAreNotReceived() throws Exception {
        publish("early", Map.of("correlationId", "c-3"), "{\"status\":\"OLD\"}");
        try (MessageSubscription subscription = transport.subscribe(List.of("early"))) {
            publish("early", Map.of("correlationId", "c-3"), "{\"status\":\"NEW\"}");
            assertEquals("{\"status\":\"NEW\"}",
                    subscription.receive("early", correlated("c-3"), WAIT).orElseThrow().payloadText());
            assertEquals(Optional.empty(), subscription.receive("early", correlated("c-3"), Duration.ofMillis(300)));
        }
    }

    @Test
    void decoysWithAnotherIdOrNoIdAreSkippedAndKept() throws Exception {
        try (MessageSubscription subscription = transport.subscribe(List.of("decoys"))) {
            publish("decoys", Map.of("correlationId", "other"), "{\"n\":1}");
            publish("decoys", Map.of(), "{\"n\":2}");
            publish("decoys", Map.of("correlationId", "c-4"), "{\"n\":3}");
            assertEquals("{\"n\":3}", subscription.receive("decoys", correlated("c-4"), WAIT).orElseThrow()
                    .payloadText());
            assertEquals("{\"n\":1}", subscription.receive("decoys", correlated("other"), Duration.ZERO)
                    .orElseThrow().payloadText());
            assertEquals("{\"n\":2}", subscription.receive("decoys", m -> m.headers().isEmpty(), Duration.ZERO)
                    .orElseThrow().payloadText());
        }
    }

    @Test
    void aReceiveWithoutAMatchGivesUpAtItsDeadline() throws Exception {
        try (MessageSubscription subscription = transport.subscribe(List.of("quiet"))) {
            publish("quiet", Map.of("correlationId", "other"), "{}");
            long start = System.nanoTime();
            Optional<Message> received = subscription.receive("quiet", correlated("c-5"), Duration.ofMillis(700));
            long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals(Optional.empty(), received);
            assertTrue(waited >= 690 && waited < 5000, "waited " + waited + " ms");
        }
    }

    @Test
    void anInterruptedReceiveThrowsInterruptedException() throws Exception {
        try (MessageSubscription subscription = transport.subscribe(List.of("interrupted"))) {
            List<Throwable> thrown = new ArrayList<>();
            Thread receiver = new Thread(() -> {
                try {
                    subscription.receive("interrupted", m -> true, Duration.ofSeconds(30));
                } catch (Throwable e) {
                    thrown.add(e);
                }
            });
            receiver.start();
            Thread.sleep(300);
            receiver.interrupt();
            receiver.join(10_000);
            assertFalse(receiver.isAlive());
            assertEquals(1, thrown.size());
            assertTrue(thrown.get(0) instanceof InterruptedException, thrown.get(0).toString());
        }
    }

    @Test
    void twoSubscriptionsEachReceiveTheSameRecord() throws Exception {
        try (MessageSubscription first = transport.subscribe(List.of("shared"));
                MessageSubscription second = transport.subscribe(List.of("shared"))) {
            publish("shared", Map.of("correlationId", "c-6"), "{\"n\":6}");
            assertEquals("{\"n\":6}", first.receive("shared", correlated("c-6"), WAIT).orElseThrow().payloadText());
            assertEquals("{\"n\":6}", second.receive("shared", correlated("c-6"), WAIT).orElseThrow().payloadText());
        }
    }

    @Test
    void closingASubscriptionEndsAWaitingReceive() throws Exception {
        MessageSubscription subscription = transport.subscribe(List.of("closing"));
        List<Throwable> thrown = new ArrayList<>();
        Thread receiver = new Thread(() -> {
            try {
                subscription.receive("closing", m -> true, Duration.ofSeconds(30));
            } catch (Throwable e) {
                thrown.add(e);
            }
        });
        receiver.start();
        Thread.sleep(300);
        long start = System.nanoTime();
        subscription.close();
        receiver.join(10_000);
        assertFalse(receiver.isAlive());
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < 10_000);
        assertEquals(1, thrown.size());
        assertTrue(thrown.get(0) instanceof IllegalStateException, thrown.get(0).toString());
        assertThrows(IllegalStateException.class, () -> subscription.receive("closing", m -> true, Duration.ZERO));
    }

    @Test
    void aMissingTopicIsAnIOExceptionNamingIt() {
        IOException e = assertThrows(IOException.class, () -> transport.subscribe(List.of("no-such-topic")));
        assertEquals("topic 'no-such-topic' does not exist", e.getMessage());
    }

    @Test
    void createNeedsBootstrapServersAndServesKafkaProtocols() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KafkaMessageTransport.create(Map.of("client.id", "x")));
        assertEquals("kafkaClientProperties must name bootstrap.servers", e.getMessage());
        assertTrue(transport.supportsProtocol("kafka"));
        assertTrue(transport.supportsProtocol("kafka-secure"));
        assertFalse(transport.supportsProtocol("mqtt"));
    }
}
