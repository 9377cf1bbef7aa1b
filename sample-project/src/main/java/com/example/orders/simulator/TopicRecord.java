package com.example.orders.simulator;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * One Kafka record as the {@link PaymentServiceSimulator} read or wrote it: what tests assert to pin the exact
 * messages a workflow sends.
 *
 * @param topic the topic
 * @param headers the record's headers in their order, values decoded as UTF-8; unmodifiable
 * @param value the record's value exactly as it was on the topic; the accessor returns a copy
 */
public record TopicRecord(String topic, Map<String, String> headers, byte[] value) {

    public TopicRecord {
        Objects.requireNonNull(topic, "topic");
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(headers, "headers")));
        value = Objects.requireNonNull(value, "value").clone();
    }

    static TopicRecord of(ConsumerRecord<byte[], byte[]> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? "" : new String(header.value(), UTF_8));
        }
        return new TopicRecord(record.topic(), headers, record.value() == null ? new byte[0] : record.value());
    }

    /** The value decoded as UTF-8. */
    public String text() {
        return new String(value, UTF_8);
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TopicRecord that && topic.equals(that.topic) && headers.equals(that.headers)
                && Arrays.equals(value, that.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(topic, headers, Arrays.hashCode(value));
    }

    @Override
    public String toString() {
        return "TopicRecord[topic=" + topic + ", headers=" + headers + ", value=" + text() + "]";
    }
}
