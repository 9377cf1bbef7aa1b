package com.example.orders.simulator;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The payment service of {@code src/main/arazzo/asyncapi/payments-asyncapi.yml}, played against a Kafka
 * cluster with the plain Kafka clients: it reads every payment request on {@value #REQUESTS} and answers
 * each with one record on {@value #COMPLETIONS} that carries the request's {@code correlationId} header.
 * It approves an amount up to its limit ({@value #DEFAULT_LIMIT} cents unless told otherwise) with payment
 * ids {@code pay-1}, {@code pay-2}, ...; it declines a larger one. A request without a
 * {@code correlationId} header, or whose payload is not a payment request, gets no answer.
 *
 * <pre>{@code
 * try (EmbeddedKafka kafka = EmbeddedKafka.start(PaymentServiceSimulator.TOPICS);
 *         PaymentServiceSimulator payments = PaymentServiceSimulator.start(kafka.bootstrapServers())) {
 *     ... run the workflow ...
 *     payments.requests();      // what it read, exactly
 *     payments.completions();   // what it answered
 * }
 * }</pre>
 *
 * <p>It reads only records written after {@link #start} returned, and joins no consumer group.
 */
public final class PaymentServiceSimulator implements AutoCloseable {

    /** The topic of payment requests (channel {@code paymentRequested}). */
    public static final String REQUESTS = "orders.payment.requested";
    /** The topic of their outcomes (channel {@code paymentCompleted}). */
    public static final String COMPLETIONS = "orders.payment.completed";
    /** Both topics, to create up front. */
    public static final List<String> TOPICS = List.of(REQUESTS, COMPLETIONS);
    /** The largest amount approved by default, in cents: 1000.00. */
    public static final long DEFAULT_LIMIT = 100_000L;

    private static final String CORRELATION_HEADER = "correlationId";

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final KafkaProducer<byte[], byte[]> producer;
    private final long limit;
    private final Thread thread;
    private final ObjectMapper json = JsonMapper.builder().build();
    private volatile boolean closing;

    // Guarded by `lock`.
    private final Object lock = new Object();
    private final List<TopicRecord> requests = new ArrayList<>();
    private final List<TopicRecord> completions = new ArrayList<>();
    private int lastPayment;
    private RuntimeException failure;

    private PaymentServiceSimulator(KafkaConsumer<byte[], byte[]> consumer, KafkaProducer<byte[], byte[]> producer,
            long limit) {
        this.consumer = consumer;
        this.producer = producer;
        this.limit = limit;
        this.thread = new Thread(this::serve, "payment-service");
        thread.setDaemon(true); // never keeps a JVM (or `mvn exec:java`) alive
    }

    /**
     * Starts serving payment requests, approving amounts up to {@link #DEFAULT_LIMIT}.
     *
     * @param bootstrapServers the cluster, e.g. {@code 127.0.0.1:9092}
     * @return the running service
     * @throws IOException if the topics cannot be read or written
     */
    public static PaymentServiceSimulator start(String bootstrapServers) throws IOException {
        return start(Map.of("bootstrap.servers", bootstrapServers), DEFAULT_LIMIT);
    }

    /**
     * Starts serving payment requests.
     *
     * @param kafkaClientProperties Kafka client properties, at least {@code bootstrap.servers}; the
     *     (de)serializers and offset commits are set here
     * @param limit the largest amount it approves, in cents
     * @return the running service
     * @throws IOException if the topics cannot be read or written
     */
    public static PaymentServiceSimulator start(Map<String, Object> kafkaClientProperties, long limit)
            throws IOException {
        Map<String, Object> consumerProperties = new HashMap<>(kafkaClientProperties);
        consumerProperties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        consumerProperties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        consumerProperties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        Map<String, Object> producerProperties = new HashMap<>(kafkaClientProperties);
        producerProperties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        producerProperties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProperties);
        KafkaProducer<byte[], byte[]> producer;
        try {
            List<PartitionInfo> infos = consumer.partitionsFor(REQUESTS);
            if (infos == null || infos.isEmpty()) {
                throw new IOException("topic '" + REQUESTS + "' does not exist");
            }
            List<TopicPartition> partitions =
                    infos.stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // fixes where it starts reading: now
            producer = new KafkaProducer<>(producerProperties);
        } catch (IOException | RuntimeException e) {
            consumer.close();
            throw e instanceof IOException io ? io : new IOException("cannot use Kafka: " + e.getMessage(), e);
        }
        PaymentServiceSimulator simulator = new PaymentServiceSimulator(consumer, producer, limit);
        simulator.thread.start();
        return simulator;
    }

    /** The payment requests read so far, oldest first, exactly as they were on the topic. */
    public List<TopicRecord> requests() {
        synchronized (lock) {
            return List.copyOf(requests);
        }
    }

    /** The outcomes written so far, oldest first. */
    public List<TopicRecord> completions() {
        synchronized (lock) {
            return List.copyOf(completions);
        }
    }

    /**
     * Waits until it has written {@code count} outcomes.
     *
     * @return the outcomes, oldest first
     * @throws AssertionError if they do not come within {@code timeout}
     */
    public List<TopicRecord> awaitCompletions(int count, Duration timeout) throws InterruptedException {
        return await(this::completions, count, timeout, "outcomes");
    }

    /**
     * Waits until it has read {@code count} requests.
     *
     * @return the requests, oldest first
     * @throws AssertionError if they do not come within {@code timeout}
     */
    public List<TopicRecord> awaitRequests(int count, Duration timeout) throws InterruptedException {
        return await(this::requests, count, timeout, "requests");
    }

    private List<TopicRecord> await(Supplier<List<TopicRecord>> records, int count, Duration timeout, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<TopicRecord> now = records.get();
            if (now.size() >= count) {
                return now;
            }
            synchronized (lock) {
                if (failure != null) {
                    throw new IllegalStateException("the payment service failed", failure);
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + count + " " + what + " within " + timeout + ", have " + now);
            }
            Thread.sleep(10);
        }
    }

    /** Stops reading and closes the clients; calling it again does nothing. */
    @Override
    public void close() {
        if (closing) {
            return;
        }
        closing = true;
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close();
    }

    private void serve() {
        try {
            while (!closing) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    answer(TopicRecord.of(record));
                }
            }
        } catch (WakeupException e) {
            // close()
        } catch (RuntimeException e) {
            synchronized (lock) {
                failure = e;
            }
        } finally {
            consumer.close();
        }
    }

    private void answer(TopicRecord request) {
        synchronized (lock) {
            requests.add(request);
        }
        String correlationId = request.headers().get(CORRELATION_HEADER);
        ObjectNode payment = paymentRequest(request.value());
        if (correlationId == null || payment == null) {
            return;
        }
        ObjectNode outcome = JsonNodeFactory.instance.objectNode();
        outcome.put("orderId", payment.get("orderId").asText());
        long amount = payment.get("amount").asLong();
        if (amount <= limit) {
            synchronized (lock) {
                outcome.put("status", "APPROVED").put("paymentId", "pay-" + ++lastPayment);
            }
        } else {
            outcome.put("status", "DECLINED").put("reason", "the amount " + amount + " is over the limit of "
                    + limit + " (cents of " + payment.get("currency").asText() + ")");
        }
        byte[] value;
        try {
            value = json.writeValueAsBytes(outcome);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(COMPLETIONS, (Integer) null, (byte[]) null, value,
                List.of(new RecordHeader(CORRELATION_HEADER, correlationId.getBytes(UTF_8))));
        try {
            producer.send(record).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not write to " + COMPLETIONS, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing to " + COMPLETIONS, e);
        }
        synchronized (lock) {
            completions.add(new TopicRecord(COMPLETIONS, Map.of(CORRELATION_HEADER, correlationId), value));
        }
    }

    /** The payload as a payment request, or null when it is not one. */
    private ObjectNode paymentRequest(byte[] value) {
        JsonNode node;
        try {
            node = json.readTree(value);
        } catch (IOException e) {
            return null;
        }
        if (!(node instanceof ObjectNode object)) {
            return null;
        }
        boolean valid = object.path("orderId").isTextual() && object.path("amount").isIntegralNumber()
                && object.path("currency").isTextual();
        return valid ? object : null;
    }
}
