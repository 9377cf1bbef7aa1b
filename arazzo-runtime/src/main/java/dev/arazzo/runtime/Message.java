package dev.arazzo.runtime;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One message on a channel, as a {@link MessageTransport} sends or receives it: the channel's address (a
 * Kafka topic), the headers as strings in their order, the payload's bytes and, when known, its content type.
 * Immutable: the headers and the payload are copied in and out.
 *
 * <pre>{@code
 * Message order = new Message("orders.placed", Map.of("correlationId", "c-1"),
 *         "{\"orderId\":\"o-1\"}".getBytes(StandardCharsets.UTF_8), "application/json");
 * }</pre>
 */
public final class Message {

    private final String channel;
    private final Map<String, String> headers;
    private final byte[] payload;
    private final String contentType;

    /**
     * A message.
     *
     * @param channel the channel's address, with its parameters substituted (for Kafka: the topic)
     * @param headers the headers, copied in their iteration order; no name or value may be null
     * @param payload the payload's bytes, copied
     * @param contentType the payload's media type, or null when the transport does not carry one
     * @throws NullPointerException if {@code channel}, {@code headers}, {@code payload} or a header is null
     */
    public Message(String channel, Map<String, String> headers, byte[] payload, String contentType) {
        this.channel = Objects.requireNonNull(channel, "channel");
        Map<String, String> copy = new LinkedHashMap<>();
        Objects.requireNonNull(headers, "headers").forEach((name, value) -> copy.put(
                Objects.requireNonNull(name, "header name"),
                Objects.requireNonNull(value, () -> "value of header '" + name + "'")));
        this.headers = Collections.unmodifiableMap(copy);
        this.payload = Objects.requireNonNull(payload, "payload").clone();
        this.contentType = contentType;
    }

    /**
     * A message whose payload is {@code text} in UTF-8, of content type {@code application/json}.
     *
     * @param channel the channel's address
     * @param headers the headers
     * @param json the payload, JSON text
     * @return the message
     */
    public static Message json(String channel, Map<String, String> headers, String json) {
        return new Message(channel, headers, json.getBytes(StandardCharsets.UTF_8), "application/json");
    }

    /**
     * The channel's address (for Kafka: the topic).
     *
     * @return the address
     */
    public String channel() {
        return channel;
    }

    /**
     * The headers, in their order.
     *
     * @return an unmodifiable map of header names to values
     */
    public Map<String, String> headers() {
        return headers;
    }

    /**
     * One header's value.
     *
     * @param name the header's name, exactly as sent
     * @return its value, or empty when the message has no such header
     */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    /**
     * The payload's bytes.
     *
     * @return a copy of the payload
     */
    public byte[] payload() {
        return payload.clone();
    }

    /**
     * The payload decoded as UTF-8.
     *
     * @return the payload's text
     */
    public String payloadText() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    /**
     * The payload's media type, when the transport carries one.
     *
     * @return the content type, or empty
     */
    public Optional<String> contentType() {
        return Optional.ofNullable(contentType);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Message that && channel.equals(that.channel) && headers.equals(that.headers)
                && Arrays.equals(payload, that.payload) && Objects.equals(contentType, that.contentType);
    }

    @Override
    public int hashCode() {
        return Objects.hash(channel, headers, Arrays.hashCode(payload), contentType);
    }

    /** The channel, the header names and the payload's size; no header value or payload byte. */
    @Override
    public String toString() {
        return "Message[channel=" + channel + ", headers=" + headers.keySet() + ", payload=" + payload.length
                + " bytes" + (contentType == null ? "" : ", contentType=" + contentType) + "]";
    }
}
