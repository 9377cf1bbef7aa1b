package dev.arazzo.codegen.source.asyncapi;

import dev.arazzo.codegen.diagnostic.SourceLocation;
import dev.arazzo.codegen.source.SchemaView;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * An AsyncAPI 3.0 document as a source description names it: its servers, channels and operations in
 * document order, every {@code $ref} followed.
 *
 * @param name the source description's name
 * @param file the file it was read from
 * @param version the {@code asyncapi} field
 * @param servers the servers, by key
 * @param channels the channels, by key
 * @param operations the operations, by key (their operationId)
 * @param locator the line and column of a JSON Pointer into the file
 */
public record AsyncApiDocument(
        String name, Path file, String version, Map<String, Server> servers, Map<String, Channel> channels,
        Map<String, Operation> operations, Function<String, SourceLocation> locator) {

    public AsyncApiDocument {
        servers = Collections.unmodifiableMap(new LinkedHashMap<>(servers));
        channels = Collections.unmodifiableMap(new LinkedHashMap<>(channels));
        operations = Collections.unmodifiableMap(new LinkedHashMap<>(operations));
    }

    /** The location of a JSON Pointer into the AsyncAPI file (its nearest existing parent when it is missing). */
    public SourceLocation locate(String pointer) {
        return locator.apply(pointer);
    }

    /** The operation with this key. */
    public Optional<Operation> operation(String operationId) {
        return Optional.ofNullable(operations.get(operationId));
    }

    /** The channel a JSON Pointer such as {@code /channels/place-order} names. */
    public Optional<Channel> channelAt(String pointer) {
        return channels.values().stream().filter(c -> c.pointer().equals(pointer)).findFirst();
    }

    /** The protocols of its servers, in document order, without repeats. */
    public List<String> protocols() {
        return servers.values().stream().map(Server::protocol).distinct().toList();
    }

    /** What an operation does from the point of view of the application the document describes. */
    public enum Action {
        /** The application sends messages to the channel. */
        SEND,
        /** The application receives messages from the channel. */
        RECEIVE;

        /** The action as AsyncAPI and Arazzo write it, {@code send} or {@code receive}. */
        public String value() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A Server Object: {@code host}, {@code protocol} and {@code pathname} as written. */
    public record Server(String key, String host, String protocol, String pathname, String pointer) {
    }

    /**
     * A Channel Object.
     *
     * @param key its key under {@code channels}
     * @param address its address, with {@code {parameter}} expressions; null when the document leaves it open
     * @param parameters its parameters, by name
     * @param messages the messages it carries, by key
     * @param pointer where it is defined
     */
    public record Channel(
            String key, String address, Map<String, ChannelParameter> parameters, Map<String, Message> messages,
            String pointer) {

        public Channel {
            parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
            messages = Collections.unmodifiableMap(new LinkedHashMap<>(messages));
        }
    }

    /** A Parameter Object of a channel: its {@code enum}, {@code default} and {@code location} (each may be absent). */
    public record ChannelParameter(
            String name, List<String> enumValues, String defaultValue, String location, String pointer) {

        public ChannelParameter {
            enumValues = List.copyOf(enumValues);
        }
    }

    /**
     * An Operation Object.
     *
     * @param operationId its key under {@code operations}
     * @param action what the described application does
     * @param channel the channel it uses
     * @param messages the messages it sends or receives: those it lists, else all its channel's
     * @param reply its reply, or null
     * @param summary its summary or description, or null
     * @param pointer where it is defined
     */
    public record Operation(
            String operationId, Action action, Channel channel, List<Message> messages, Reply reply,
            String summary, String pointer) {

        public Operation {
            messages = List.copyOf(messages);
        }
    }

    /** An Operation Reply Object: the channel the reply comes on and its messages. */
    public record Reply(Channel channel, List<Message> messages, String pointer) {
        public Reply {
            messages = List.copyOf(messages);
        }
    }

    /**
     * A Message Object.
     *
     * @param key its key in the channel (or components) that holds it
     * @param name its {@code name}, else its key
     * @param contentType its {@code contentType}, else the document's {@code defaultContentType}, else
     *     {@code application/json}
     * @param headers the schema of its headers, or null
     * @param payload the schema of its payload, or null
     * @param correlationId its correlation id, or null
     * @param pointer where it is defined
     */
    public record Message(
            String key, String name, String contentType, SchemaView headers, SchemaView payload,
            CorrelationId correlationId, String pointer) {
    }

    /**
     * A Correlation ID Object.
     *
     * @param location a runtime expression, {@code $message.header#/x} or {@code $message.payload#/x}
     * @param inHeader whether it points into the headers (else the payload)
     * @param jsonPointer the JSON Pointer after the {@code #}
     * @param pointer where it is defined
     */
    public record CorrelationId(String location, boolean inHeader, String jsonPointer, String pointer) {
    }
}
