package dev.arazzo.kafka;

import dev.arazzo.runtime.Message;
import dev.arazzo.runtime.MessageSubscription;
import dev.arazzo.runtime.MessageTransport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * A {@link MessageTransport} over Apache Kafka: a channel's address is the topic, a message's headers are
 * the record's headers (values in UTF-8), its payload the record's value (no key). One producer sends for
 * every run; each run's {@link #subscribe subscription} is a consumer of its own, assigned every partition
 * of the topics and placed at their ends before {@code subscribe} returns, so it sees every record written
 * after that and nothing before; it joins no consumer group and commits no offset.
 *
 * <pre>{@code
 * try (var kafka = KafkaMessageTransport.create(Map.of(
 *         "bootstrap.servers", "broker-1:9093",
 *         "security.protocol", "SASL_SSL",
 *         "sasl.mechanism", "SCRAM-SHA-512",
 *         "sasl.jaas.config", jaasConfig))) {
 *     var workflow = PlaceOrderWorkflow.builder().messageTransport(kafka).build();
 *     ...
 * }
 * }</pre>
 *
 * <p>Every property is passed to the producer and to each consumer as given (security, timeouts,
 * {@code client.id}, ...), except the serializers and deserializers, which are always byte arrays, and
 * {@code enable.auto.commit}, always false. Safe for use by several threads; a subscription belongs to one.
 */
public final class KafkaMessageTransport implements MessageTransport, AutoCloseable {

    /** The AsyncAPI server protocols this transport serves. */
    public static final Set<String> PROTOCOLS = Set.of("kafka", "kafka-secure");

    private final Map<String, Object> properties;
    private final KafkaProducer<byte[], byte[]> producer;
    private final Set<Subscription> open = new LinkedHashSet<>();
    private boolean closed;

    private KafkaMessageTransport(Map<String, Object> properties) {
        this.properties = properties;
        Map<String, Object> producerProperties = new HashMap<>(properties);
        producerProperties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        producerProperties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        this.producer = new KafkaProducer<>(producerProperties);
    }

    /**
     * A transport to the cluster the properties name.
     *
     * @param kafkaClientProperties Kafka client properties: at least {@code bootstrap.servers}; every other
     *     one (security included) is passed to the clients as it is
     * @return the transport, to be closed when the workflows are done
     * @throws IllegalArgumentException if {@code bootstrap.servers} is missing, or Kafka rejects a property
     */
    public static KafkaMessageTransport create(Map<String, Object> kafkaClientProperties) {
        Map<String, Object> properties = new LinkedHashMap<>(
                Objects.requireNonNull(kafkaClientProperties, "kafkaClientProperties"));
        if (properties.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG) == null) {
            throw new IllegalArgumentException("kafkaClientProperties must name bootstrap.servers");
        }
        try {
            return new KafkaMessageTransport(Map.copyOf(properties));
        } catch (KafkaException e) {
            throw new IllegalArgumentException("Kafka rejected the client properties: " + e.getMessage(), e);
        }
    }

    /** Serves {@code kafka} and {@code kafka-secure} servers. */
    @Override
    public boolean supportsProtocol(String protocol) {
        return PROTOCOLS.contains(protocol);
    }

    /** Writes one record to the topic {@code message.channel()} and waits for the broker's acknowledgement. */
    @Override
    public void send(Message message) throws IOException, InterruptedException {
        List<Header> headers = new ArrayList<>();
        message.headers().forEach((name, value) ->
                headers.add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
        ProducerRecord<byte[], byte[]> record =
                new ProducerRecord<>(message.channel(), (Integer) null, (byte[]) null, message.payload(), headers);
        try {
            producer.send(record).get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IOException("sending to topic '" + message.channel() + "' failed: " + cause.getMessage(), cause);
        } catch (InterruptException e) {
            throw interrupted(e);
        } catch (KafkaException e) {
            throw new IOException("sending to topic '" + message.channel() + "' failed: " + e.getMessage(), e);
        }
    }

    @Override
    public MessageSubscription subscribe(Collection<String> channels) throws IOException, InterruptedException {
        Set<String> topics = Set.copyOf(channels);
        Map<String, Object> consumerProperties = new HashMap<>(properties);
        consumerProperties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        consumerProperties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        consumerProperties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        KafkaConsumer<byte[], byte[]> consumer;
        try {
            consumer = new KafkaConsumer<>(consumerProperties);
        } catch (KafkaException e) {
            throw new IOException("could not create a Kafka consumer: " + e.getMessage(), e);
        }
        try {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics.stream().sorted().toList()) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic);
                if (infos == null || infos.isEmpty()) {
                    throw new IOException("topic '" + topic + "' does not exist");
                }
                infos.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            // The end offsets are looked up lazily; asking for them now fixes where the subscription starts.
            partitions.forEach(consumer::position);
            Subscription subscription = new Subscription(topics, consumer);
            synchronized (open) {
                if (closed) {
                    throw new IllegalStateException("the transport is closed");
                }
                open.add(subscription);
            }
            return subscription;
        } catch (InterruptException e) {
            consumer.close(CloseOptions.timeout(Duration.ZERO));
            throw interrupted(e);
        } catch (KafkaException e) {
            consumer.close(CloseOptions.timeout(Duration.ZERO));
            throw new IOException("could not subscribe to " + topics.stream().sorted().toList() + ": "
                    + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            consumer.close(CloseOptions.timeout(Duration.ZERO));
            throw e;
        }
    }

    /** Closes the producer (waiting for records in flight) and every subscription still open. */
    @Override
    public void close() {
        List<Subscription> subscriptions;
        synchronized (open) {
            closed = true;
            subscriptions = List.copyOf(open);
        }
        subscriptions.forEach(Subscription::close);
        producer.close();
    }

    private static InterruptedException interrupted(InterruptException e) {
        // Kafka sets the flag again; a thrown InterruptedException stands for it instead.
        Thread.interrupted();
        InterruptedException interrupted = new InterruptedException("interrupted while waiting for Kafka");
        interrupted.initCause(e);
        return interrupted;
    }

    private static Message message(ConsumerRecord<byte[], byte[]> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            byte[] value = header.value();
            headers.put(header.key(), value == null ? "" : new String(value, StandardCharsets.UTF_8));
        }
        byte[] payload = record.value() == null ? new byte[0] : record.value();
        return new Message(record.topic(), headers, payload, null);
    }

    /** One run's consumer and the records it has read but not handed out. */
    private final class Subscription implements MessageSubscription {

        private final Set<String> topics;
        private final KafkaConsumer<byte[], byte[]> consumer;
        private final List<Message> kept = new ArrayList<>();
        private volatile boolean done;
        private boolean consumerClosed;

        Subscription(Set<String> topics, KafkaConsumer<byte[], byte[]> consumer) {
            this.topics = topics;
            this.consumer = consumer;
        }

        @Override
        public synchronized Optional<Message> receive(String channel, Predicate<? super Message> matches,
                Duration timeout) throws IOException, InterruptedException {
            Objects.requireNonNull(matches, "matches");
            if (!topics.contains(channel)) {
                throw new IllegalArgumentException("topic '" + channel + "' is not subscribed to");
            }
            long deadline = System.nanoTime() + Math.max(0, timeout.toNanos());
            while (true) {
                if (done) {
                    throw new IllegalStateException("the subscription is closed");
                }
                for (Iterator<Message> it = kept.iterator(); it.hasNext(); ) {
                    Message message = it.next();
                    if (message.channel().equals(channel) && matches.test(message)) {
                        it.remove();
                        return Optional.of(message);
                    }
                }
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return Optional.empty();
                }
                if (Thread.interrupted()) {
                    throw new InterruptedException("interrupted while waiting for topic '" + channel + "'");
                }
                try {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofNanos(remaining))) {
                        kept.add(message(record));
                    }
                } catch (InterruptException e) {
                    throw interrupted(e);
                } catch (WakeupException e) {
                    throw new IllegalStateException("the subscription is closed", e);
                } catch (KafkaException e) {
                    throw new IOException("reading topic '" + channel + "' failed: " + e.getMessage(), e);
                }
            }
        }

        @Override
        public void close() {
            synchronized (open) {
                open.remove(this);
            }
            // A receive waiting in poll holds the lock; wakeup ends its wait.
            done = true;
            consumer.wakeup();
            synchronized (this) {
                if (!consumerClosed) {
                    consumerClosed = true;
                    kept.clear();
                    consumer.close(CloseOptions.timeout(Duration.ZERO));
                }
            }
        }
    }
}
