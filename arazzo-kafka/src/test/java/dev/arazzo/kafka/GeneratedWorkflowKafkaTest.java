package dev.arazzo.kafka;

import static dev.arazzo.kafka.GeneratedWorkflow.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.arazzo.kafka.embedded.EmbeddedKafka;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generated mixed HTTP + Kafka workflow ({@code reservations/reservations.arazzo.yaml}: send a reservation
 * request, record it over HTTP, receive the correlated result, then release or expire the reservation when it
 * is not confirmed) run with {@link KafkaMessageTransport} against one broker started for the class. The
 * service's answer is written while the HTTP step is in flight, so it always arrives after the run started
 * and before its receive step begins.
 */
class GeneratedWorkflowKafkaTest {

    private static final String REQUESTS = "reservations.hall-a.requested";
    private static final String RESULTS = "reservations.results";
    private static final String RELEASED = "reservations.released";
    private static final String EXPIRED = "reservations.expired";
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    static Path directory;

    private static EmbeddedKafka kafka;
    private static KafkaMessageTransport transport;
    private static KafkaProducer<byte[], byte[]> service;
    private static GeneratedWorkflow generated;
    private static HttpServer audit;
    private static final List<String> auditBodies = new CopyOnWriteArrayList<>();
    private static volatile ThrowingRunnable whileAuditing = () -> { };

    private final Map<String, Reader> readers = new LinkedHashMap<>();

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    @BeforeAll
    static void start() throws Exception {
        kafka = EmbeddedKafka.start(List.of(REQUESTS, RESULTS, RELEASED, EXPIRED));
        transport = KafkaMessageTransport.create(Map.of("bootstrap.servers", kafka.bootstrapServers()));
        service = new KafkaProducer<>(Map.of("bootstrap.servers", kafka.bootstrapServers()),
                new ByteArraySerializer(), new ByteArraySerializer());
        generated = GeneratedWorkflow.generate(directory, "reservations/reservations.arazzo.yaml",
                "reservations/reservations.asyncapi.yaml", "reservations/audit.openapi.yaml");
        audit = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        audit.createContext("/", exchange -> {
            try {
                auditBodies.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                        + exchange.getRequestHeaders().getFirst("Content-Type") + " "
                        + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                whileAuditing.run();
                exchange.sendResponseHeaders(204, -1);
            } catch (Exception e) {
                exchange.sendResponseHeaders(500, -1);
            } finally {
                exchange.close();
            }
        });
        audit.start();
    }

    @AfterAll
    static void stop() {
        if (audit != null) {
            audit.stop(0);
        }
        if (service != null) {
            service.close();
        }
        if (transport != null) {
            transport.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @BeforeEach
    void readTopicsFromNow() {
        auditBodies.clear();
        whileAuditing = () -> { };
        for (String topic : List.of(REQUESTS, RESULTS, RELEASED, EXPIRED)) {
            readers.put(topic, new Reader(topic));
        }
    }

    @AfterEach
    void closeReaders() {
        readers.values().forEach(Reader::close);
    }

    private Object workflow(Duration receiveTimeout) {
        Object builder = call(generated.type("ReserveSeatWorkflow"), "builder");
        call(builder, "baseUri", URI.create("http://127.0.0.1:" + audit.getAddress().getPort()));
        call(builder, "messageTransport", transport);
        call(builder, "defaultReceiveTimeout", receiveTimeout);
        return call(builder, "build");
    }

    private Object run(String reservationId, Duration receiveTimeout) {
        Object inputs = call(generated.type("ReserveSeatWorkflow.Inputs"), "builder");
        call(inputs, "reservationId", reservationId);
        call(inputs, "seats", 2);
        call(inputs, "venue", "hall-a");
        return call(workflow(receiveTimeout), "run", call(inputs, "build"));
    }

    /** The reservation service's answer, written by a producer of its own. */
    private static void answer(Map<String, String> headers, String payload) throws Exception {
        List<Header> recordHeaders = new ArrayList<>();
        headers.forEach((k, v) -> recordHeaders.add(new RecordHeader(k, v.getBytes(StandardCharsets.UTF_8))));
        try {
            service.send(new ProducerRecord<>(RESULTS, (Integer) null, (byte[]) null,
                    payload.getBytes(StandardCharsets.UTF_8), recordHeaders)).get();
        } catch (ExecutionException e) {
            throw new AssertionError(e.getCause());
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    @Test
    void theRequestIsOneRecordOnTheSubstitutedAddressWithTheHeaderParametersAndThePayloadBytes() throws Exception {
        whileAuditing = () -> answer(Map.of("correlationId", "r-1"),
                "{\"reservationId\":\"r-1\",\"status\":\"CONFIRMED\",\"seat\":\"12C\",\"row\":12}");

        run("r-1", WAIT);

        List<Received> requests = readers.get(REQUESTS).read(1);
        assertEquals(1, requests.size());
        Received request = requests.get(0);
        assertEquals(REQUESTS, request.topic());
        assertEquals(List.of("correlationId=r-1", "source=arazzo"), request.headers());
        assertEquals("{\"reservationId\":\"r-1\",\"seats\":2}", request.value());
        assertEquals(List.of("POST /audit application/json {\"reservationId\":\"r-1\"}"), auditBodies);
    }

    @Test
    void theCorrelatedAnswerIsTakenOverDecoysWithAnotherIdOrNoIdAndItsValuesAreTyped() throws Exception {
        whileAuditing = () -> {
            answer(Map.of("correlationId", "r-other"),
                    "{\"reservationId\":\"r-other\",\"status\":\"CONFIRMED\",\"seat\":\"1A\",\"row\":1}");
            answer(Map.of("traceId", "t-1"),
                    "{\"reservationId\":\"r-2\",\"status\":\"CONFIRMED\",\"seat\":\"2B\",\"row\":2}");
            answer(Map.of("correlationId", "r-2"),
                    "{\"reservationId\":\"r-2\",\"status\":\"CONFIRMED\",\"seat\":\"12C\",\"row\":12}");
        };

        Object outputs = run("r-2", WAIT);

        assertEquals("12C", call(outputs, "seat"));
        Object row = call(outputs, "row");
        assertTrue(row instanceof Number, "row is typed as a number: " + row);
        assertEquals(12L, ((Number) row).longValue());
        assertEquals("CONFIRMED", text(call(outputs, "status")));
        assertEquals("r-2", call(outputs, "correlation"));
        assertEquals(List.of(), readers.get(RELEASED).readFor(Duration.ofMillis(300)));
        assertEquals(List.of(), readers.get(EXPIRED).readFor(Duration.ZERO));
    }

    @Test
    void anAnswerThatArrivedBeforeTheReceiveStepBeganIsReceived() throws Exception {
        // The answer is on the topic, acknowledged, before the audit step returns and the receive step begins.
        whileAuditing = () -> {
            answer(Map.of("correlationId", "r-3"),
                    "{\"reservationId\":\"r-3\",\"status\":\"CONFIRMED\",\"seat\":\"3C\"}");
            assertEquals(1, readers.get(RESULTS).read(1).size());
        };

        Object outputs = run("r-3", Duration.ofMillis(500));

        assertEquals("3C", call(outputs, "seat"));
        assertNull(call(outputs, "row"));
    }

    @Test
    void aRejectionReadFromTheReceivedPayloadTakesTheFailureActionThatTestsIt() throws Exception {
        whileAuditing = () -> answer(Map.of("correlationId", "r-4"),
                "{\"reservationId\":\"r-4\",\"status\":\"REJECTED\",\"reason\":\"sold out\"}");

        run("r-4", WAIT);

        List<Received> released = readers.get(RELEASED).read(1);
        assertEquals(1, released.size());
        assertEquals("{\"reservationId\":\"r-4\",\"reason\":\"rejected\"}", released.get(0).value());
        assertEquals(List.of(), released.get(0).headers());
        assertEquals(List.of(), readers.get(EXPIRED).readFor(Duration.ofMillis(300)));
    }

    @Test
    void noCorrelatedAnswerWithinTheTimeoutTakesTheOtherFailureAction() throws Exception {
        whileAuditing = () -> {
            answer(Map.of("correlationId", "r-other"), "{\"reservationId\":\"r-other\",\"status\":\"CONFIRMED\"}");
            answer(Map.of(), "{\"reservationId\":\"r-5\",\"status\":\"CONFIRMED\"}");
        };

        long started = System.nanoTime();
        run("r-5", Duration.ofMillis(400));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertTrue(took.compareTo(Duration.ofMillis(400)) >= 0, "waited the whole timeout: " + took);
        List<Received> expired = readers.get(EXPIRED).read(1);
        assertEquals(1, expired.size());
        assertEquals("{\"reservationId\":\"r-5\",\"reason\":\"no answer\"}", expired.get(0).value());
        assertEquals(List.of(), readers.get(RELEASED).readFor(Duration.ofMillis(300)));
    }

    @Test
    void anAnswerWrittenBeforeTheRunStartedIsNotTheRunsAnswer() throws Exception {
        answer(Map.of("correlationId", "r-6"), "{\"reservationId\":\"r-6\",\"status\":\"CONFIRMED\",\"seat\":\"6F\"}");

        run("r-6", Duration.ofMillis(400));

        assertEquals(1, readers.get(EXPIRED).read(1).size());
    }

    @Test
    void aWorkflowWithMessageStepsAndNoTransportFailsAtBuildNamingTheMethod() {
        Object builder = call(generated.type("ReserveSeatWorkflow"), "builder");
        call(builder, "baseUri", URI.create("http://127.0.0.1:" + audit.getAddress().getPort()));

        RuntimeException e = assertThrows(RuntimeException.class, () -> call(builder, "build"));

        assertTrue(e.getMessage().contains("messageTransport"), e.getMessage());
    }

    /** One record as read back: topic, {@code name=value} headers in order, value as UTF-8. */
    record Received(String topic, List<String> headers, String value) {}

    /** Reads a topic's one partition from where it ended when the reader was made; no group, no commits. */
    private static final class Reader implements AutoCloseable {
        private final KafkaConsumer<byte[], byte[]> consumer;

        Reader(String topic) {
            consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", kafka.bootstrapServers()),
                    new ByteArrayDeserializer(), new ByteArrayDeserializer());
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToEnd(List.of(partition));
            consumer.position(partition);
        }

        /** The records written since, waiting up to ten seconds until there are {@code count}. */
        List<Received> read(int count) {
            List<Received> records = new ArrayList<>();
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (records.size() < count && System.nanoTime() < deadline) {
                poll(records);
            }
            return records;
        }

        /** The records written since, reading for {@code quiet}: to show that nothing was written. */
        List<Received> readFor(Duration quiet) {
            List<Received> records = new ArrayList<>();
            long deadline = System.nanoTime() + quiet.toNanos();
            do {
                poll(records);
            } while (System.nanoTime() < deadline);
            return records;
        }

        private void poll(List<Received> records) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                List<String> headers = new ArrayList<>();
                for (Header header : record.headers()) {
                    headers.add(header.key() + "=" + new String(header.value(), StandardCharsets.UTF_8));
                }
                records.add(new Received(record.topic(), headers,
                        new String(record.value(), StandardCharsets.UTF_8)));
            }
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
