package dev.arazzo.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The message side of a generated workflow client: the {@link MessageTransport} of each AsyncAPI source,
 * the default receive timeout, and the subscriptions of a run, so that a receive step takes a message that
 * arrived before it began (the reply to an earlier send of the same run).
 *
 * <p>A run {@linkplain #open opens} the channels of its receive steps (and of the workflows it runs) before
 * its first step; the workflows it runs on the same thread use those subscriptions, and subscribe only to
 * the channels they did not have. A receive outside a run (a step method called on its own) subscribes
 * just for its wait.
 */
public final class Messaging {

    /** How long a receive step without a {@code timeout} waits, unless the builder says otherwise. */
    public static final Duration DEFAULT_RECEIVE_TIMEOUT = Duration.ofSeconds(30);

    private static final ThreadLocal<Run> CURRENT = new ThreadLocal<>();
    private static final Pattern PARAMETER = Pattern.compile("\\{([^{}]*)\\}");
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._~-]+");

    private final String workflowId;
    private final WorkflowListener listener;
    private MessageTransport all;
    private final Map<String, MessageTransport> bySource = new LinkedHashMap<>();
    private Duration defaultReceiveTimeout = DEFAULT_RECEIVE_TIMEOUT;

    /** A builder's settings: no transport, the default receive timeout. */
    public Messaging() {
        this(null, null);
    }

    private Messaging(String workflowId, WorkflowListener listener) {
        this.workflowId = workflowId;
        this.listener = listener;
    }

    /**
     * Carries the messages of every AsyncAPI source without a transport of its own.
     *
     * @param transport the transport
     */
    public void transport(MessageTransport transport) {
        this.all = Objects.requireNonNull(transport, "transport");
    }

    /**
     * Carries the messages of AsyncAPI source {@code source}.
     *
     * @param source the source description's name
     * @param transport the transport
     */
    public void transport(String source, MessageTransport transport) {
        bySource.put(Objects.requireNonNull(source, "source"), Objects.requireNonNull(transport, "transport"));
    }

    /**
     * The transport of a source.
     *
     * @param source the source description's name
     * @return its own transport, else the one for every source, else null
     */
    public MessageTransport transport(String source) {
        return bySource.getOrDefault(source, all);
    }

    /**
     * How long a receive step without a {@code timeout} waits.
     *
     * @param timeout a positive duration
     * @throws IllegalArgumentException when it is zero or negative
     */
    public void defaultReceiveTimeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("defaultReceiveTimeout must be positive: " + timeout);
        }
        this.defaultReceiveTimeout = timeout;
    }

    /**
     * These settings for the client of workflow {@code workflowId}: later changes to the builder's do not reach it.
     *
     * @param workflowId the workflow, for the listener and for messages
     * @param listener hears each message step, or null
     * @return a copy
     */
    public Messaging copy(String workflowId, WorkflowListener listener) {
        Messaging copy = new Messaging(Objects.requireNonNull(workflowId, "workflowId"), listener);
        copy.all = all;
        copy.bySource.putAll(bySource);
        copy.defaultReceiveTimeout = defaultReceiveTimeout;
        return copy;
    }

    /**
     * Checks that source {@code source} has a transport, and one that serves the protocols of its servers.
     *
     * @param source the AsyncAPI source description's name
     * @param protocols the protocols its servers declare
     * @throws IllegalStateException naming the builder method to call, when it has none or one that refuses a
     *     protocol
     */
    public void require(String source, String... protocols) {
        MessageTransport transport = transport(source);
        if (transport == null) {
            throw new IllegalStateException("workflow '" + workflowId + "' sends or receives messages of AsyncAPI "
                    + "source '" + source + "', but its builder has no message transport: call "
                    + "messageTransport(MessageTransport) or messageTransport(\"" + source + "\", MessageTransport)");
        }
        for (String protocol : protocols) {
            if (protocol != null && !transport.supportsProtocol(protocol)) {
                throw new IllegalStateException("the message transport of AsyncAPI source '" + source + "' ("
                        + transport.getClass().getName() + ") does not serve protocol '" + protocol + "', which its "
                        + "servers declare; give messageTransport(\"" + source + "\", MessageTransport) one that does");
            }
        }
    }

    /**
     * A channel a receive step waits on.
     *
     * @param stepId the receive step
     * @param source the AsyncAPI source description's name
     * @param address the channel's address, parameters substituted
     * @return the channel
     */
    public static Channel channel(String stepId, String source, String address) {
        return new Channel(stepId, source, address);
    }

    /** A channel of a receive step: the step, its AsyncAPI source and the channel's address. */
    public record Channel(String stepId, String source, String address) {

        /**
         * A channel.
         *
         * @param stepId the receive step
         * @param source the AsyncAPI source description's name
         * @param address the channel's address
         */
        public Channel {
            Objects.requireNonNull(stepId, "stepId");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(address, "address");
        }
    }

    /**
     * Starts a run: subscribes to every channel given that the runs open on this thread do not listen to
     * already, one subscription per transport.
     *
     * @param channels the channels of the run's receive steps and of the workflows it runs
     * @return the run, to be closed when it ends
     * @throws WorkflowTransportException naming the step of a channel that cannot be listened to
     */
    public Run open(List<Channel> channels) {
        Run run = new Run(CURRENT.get());
        CURRENT.set(run);
        try {
            Map<MessageTransport, List<Channel>> byTransport = new LinkedHashMap<>();
            for (Channel channel : channels) {
                MessageTransport transport = transport(channel.source());
                if (transport != null && run.parent().flatMap(p -> p.find(transport, channel.address())).isEmpty()) {
                    byTransport.computeIfAbsent(transport, t -> new ArrayList<>()).add(channel);
                }
            }
            for (Map.Entry<MessageTransport, List<Channel>> entry : byTransport.entrySet()) {
                Set<String> addresses = new LinkedHashSet<>();
                entry.getValue().forEach(channel -> addresses.add(channel.address()));
                String stepId = entry.getValue().get(0).stepId();
                run.subscriptions.add(new Subscribed(entry.getKey(), addresses,
                        subscribe(stepId, entry.getKey(), addresses)));
            }
        } catch (RuntimeException e) {
            run.close();
            throw e;
        }
        return run;
    }

    private static MessageSubscription subscribe(String stepId, MessageTransport transport,
            Collection<String> addresses) {
        try {
            return transport.subscribe(List.copyOf(addresses));
        } catch (IOException e) {
            throw new WorkflowTransportException(stepId, "could not listen to channel(s) " + addresses + ": "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkflowTransportException(stepId, "interrupted while subscribing to " + addresses, e);
        }
    }

    /**
     * Publishes the message of a send step.
     *
     * @param stepId the step
     * @param source the AsyncAPI source description's name
     * @param address the channel's address, parameters substituted
     * @param headers the message headers, in order
     * @param payload the payload's bytes
     * @param contentType the payload's media type
     * @return the message sent
     * @throws WorkflowTransportException when the transport could not send it
     */
    public MessageExchange send(String stepId, String source, String address, Map<String, String> headers,
            byte[] payload, String contentType) {
        Message message = new Message(address, headers, payload, contentType);
        MessageTransport transport = required(stepId, source);
        Deadline.check(); // a called workflow whose calling step's timeout elapsed sends nothing more
        long started = System.nanoTime();
        if (listener != null) {
            listener.stepStarted(workflowId, stepId);
        }
        try {
            transport.send(message);
        } catch (IOException e) {
            throw new WorkflowTransportException(stepId, "could not send the message to channel '" + address + "': "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkflowTransportException(stepId, "interrupted while sending to channel '" + address + "'", e);
        }
        finished(stepId, started);
        return MessageExchange.of(stepId, message);
    }

    /**
     * Waits for the message of a receive step: the first on the channel since the run opened that
     * {@code matches} accepts.
     *
     * @param stepId the step
     * @param source the AsyncAPI source description's name
     * @param address the channel's address, parameters substituted
     * @param matches the step's correlation
     * @param timeoutMillis the step's {@code timeout}, or null for the default receive timeout
     * @return the message received, or an exchange that {@linkplain MessageExchange#timedOut() timed out}
     * @throws WorkflowTransportException when the transport failed while waiting
     */
    public MessageExchange receive(String stepId, String source, String address, Predicate<? super Message> matches,
            Long timeoutMillis) {
        MessageTransport transport = required(stepId, source);
        Duration timeout = timeoutMillis == null ? defaultReceiveTimeout : Duration.ofMillis(timeoutMillis);
        Deadline.check();
        // within a called workflow's deadline, the time left bounds the wait
        Duration left = Deadline.remaining();
        boolean clamped = left != null && left.compareTo(timeout) < 0;
        Duration wait = clamped ? left : timeout;
        long started = System.nanoTime();
        if (listener != null) {
            listener.stepStarted(workflowId, stepId);
        }
        Optional<Message> received;
        try {
            Run run = CURRENT.get();
            Optional<MessageSubscription> open = run == null ? Optional.empty() : run.find(transport, address);
            if (open.isPresent()) {
                received = open.get().receive(address, matches, wait);
            } else {
                try (MessageSubscription alone = subscribe(stepId, transport, List.of(address))) {
                    received = alone.receive(address, matches, wait);
                }
            }
        } catch (IOException e) {
            throw new WorkflowTransportException(stepId, "could not receive from channel '" + address + "': "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkflowTransportException(stepId, "interrupted while waiting on channel '" + address + "'", e);
        }
        finished(stepId, started);
        if (received.isEmpty() && clamped) {
            throw Deadline.expired();
        }
        return received.map(message -> MessageExchange.of(stepId, message))
                .orElseGet(() -> MessageExchange.notReceived(stepId, address, timeout));
    }

    private void finished(String stepId, long started) {
        if (listener != null) {
            listener.stepFinished(workflowId, stepId, 0, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private MessageTransport required(String stepId, String source) {
        MessageTransport transport = transport(source);
        if (transport == null) {
            throw new WorkflowException("step '" + stepId + "': no message transport for AsyncAPI source '" + source
                    + "'; call messageTransport on the builder");
        }
        return transport;
    }

    /**
     * A channel's address with its parameters ({@code {name}}) substituted. A value must be non-empty and
     * hold only letters, digits and {@code - . _ ~}: nothing that would change the address's structure.
     *
     * @param stepId the step, for the failure
     * @param template the address as the AsyncAPI document writes it
     * @param namesAndValues the parameters' names and values, alternating
     * @return the address
     * @throws WorkflowException naming the parameter, when a value is missing or holds other characters
     */
    public static String address(String stepId, String template, Object... namesAndValues) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            values.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        Matcher matcher = PARAMETER.matcher(template);
        StringBuilder address = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            Object value = values.get(name);
            String text = value == null ? null : Values.text(value);
            if (text == null || text.isEmpty()) {
                throw new WorkflowException("step '" + stepId + "': channel parameter '" + name + "' of address '"
                        + template + "' has no value");
            }
            if (!SAFE.matcher(text).matches()) {
                throw new WorkflowException("step '" + stepId + "': channel parameter '" + name + "' of address '"
                        + template + "' is '" + (text.length() > 64 ? text.substring(0, 64) + "..." : text)
                        + "'; a value may hold only letters, digits and - . _ ~, so that it cannot change the address");
            }
            matcher.appendReplacement(address, Matcher.quoteReplacement(text));
        }
        matcher.appendTail(address);
        return address.toString();
    }

    /**
     * Message headers from names and values: a null value leaves its header out; others are text as
     * {@link Values#text(Object)} writes them.
     *
     * @param namesAndValues the headers' names and values, alternating
     * @return the headers, in order
     */
    public static Map<String, String> headers(Object... namesAndValues) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                headers.put((String) namesAndValues[i], Values.text(namesAndValues[i + 1]));
            }
        }
        return headers;
    }

    /**
     * A payload as JSON in UTF-8.
     *
     * @param payload the payload; null for an empty payload
     * @return its bytes
     */
    public static byte[] json(JsonNode payload) {
        return payload == null || payload.isMissingNode() ? new byte[0]
                : payload.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A payload written as text, sent as it is, in UTF-8.
     *
     * @param payload the text
     * @return its bytes
     */
    public static byte[] text(String payload) {
        return payload.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The correlation of a receive step: a message qualifies when the value at {@code pointer} in its headers
     * (a header name, {@code /x}) or its JSON payload is {@code expected}, compared as text. A message
     * without it, or whose payload is not JSON, does not qualify.
     *
     * @param stepId the step, for the failure
     * @param inHeader whether the correlation id is a header
     * @param pointer the JSON Pointer of the AsyncAPI message's correlationId location
     * @param expected the step's correlationId value
     * @return the test
     * @throws WorkflowException when {@code expected} is null: the run has no id to wait for
     */
    public static Predicate<Message> correlation(String stepId, boolean inHeader, String pointer, Object expected) {
        if (expected == null || expected instanceof JsonNode node && (node.isMissingNode() || node.isNull())) {
            throw new WorkflowException("step '" + stepId + "': its correlationId has no value, so no message can be "
                    + "matched to this run");
        }
        String id = Values.text(expected);
        if (inHeader) {
            String name = pointer.substring(pointer.startsWith("/") ? 1 : 0).replace("~1", "/").replace("~0", "~");
            return message -> id.equals(message.headers().get(name));
        }
        return message -> {
            JsonNode node;
            try {
                node = Values.MAPPER.readTree(message.payload());
            } catch (IOException e) {
                return false;
            }
            JsonNode value = node == null ? null : node.at(pointer);
            return value != null && !value.isMissingNode() && !value.isNull() && value.isValueNode()
                    && id.equals(Values.text(value));
        };
    }

    /** A channel one subscription of a run listens to, on one transport. */
    private record Subscribed(MessageTransport transport, Set<String> addresses, MessageSubscription subscription) {
    }

    /** The subscriptions one run opened; the runs it is nested in lend theirs. Used by one thread. */
    public static final class Run implements AutoCloseable {

        private final Run parent;
        private final List<Subscribed> subscriptions = new ArrayList<>();
        private boolean closed;

        private Run(Run parent) {
            this.parent = parent;
        }

        private Optional<Run> parent() {
            return Optional.ofNullable(parent);
        }

        private Optional<MessageSubscription> find(MessageTransport transport, String address) {
            for (Run run = this; run != null; run = run.parent) {
                for (Subscribed subscribed : run.subscriptions) {
                    if (subscribed.transport() == transport && subscribed.addresses().contains(address)) {
                        return Optional.of(subscribed.subscription());
                    }
                }
            }
            return Optional.empty();
        }

        /** Closes the subscriptions this run opened and ends it. Closing twice does nothing. */
        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            subscriptions.forEach(subscribed -> subscribed.subscription().close());
            if (CURRENT.get() == this) {
                if (parent == null) {
                    CURRENT.remove();
                } else {
                    CURRENT.set(parent);
                }
            }
        }
    }
}
