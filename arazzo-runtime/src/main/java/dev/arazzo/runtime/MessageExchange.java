package dev.arazzo.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * The message an AsyncAPI step sent, or the one it received: what {@code $message.payload} and
 * {@code $message.header.X} read. A receive step that got no matching message in time holds none and
 * {@linkplain #timedOut() timed out}.
 */
public final class MessageExchange {

    private static final int EXCERPT_LENGTH = 512;

    private final String stepId;
    private final Message message;
    private final String channel;
    private final Duration timedOutAfter;
    private JsonNode parsed;

    private MessageExchange(String stepId, Message message, String channel, Duration timedOutAfter) {
        this.stepId = Objects.requireNonNull(stepId, "stepId");
        this.message = message;
        this.channel = channel;
        this.timedOutAfter = timedOutAfter;
    }

    /**
     * The message step {@code stepId} sent or received.
     *
     * @param stepId the step
     * @param message the message
     * @return the exchange
     */
    public static MessageExchange of(String stepId, Message message) {
        return new MessageExchange(stepId, Objects.requireNonNull(message, "message"), message.channel(), null);
    }

    /**
     * A receive step that got no matching message on {@code channel} within {@code timeout}.
     *
     * @param stepId the step
     * @param channel the channel's address it waited on
     * @param timeout how long it waited
     * @return the exchange, with no message
     */
    public static MessageExchange notReceived(String stepId, String channel, Duration timeout) {
        return new MessageExchange(stepId, null, channel, Objects.requireNonNull(timeout, "timeout"));
    }

    /**
     * Whether the step waited in vain: no message matching its correlation arrived in time.
     *
     * @return true when there is no message
     */
    public boolean timedOut() {
        return timedOutAfter != null;
    }

    /**
     * Why a receive step that timed out failed, as its failed criterion reads.
     *
     * @return {@code timeout: no matching message on channel 'x' within N ms}, or null when a message came
     */
    public String timeoutFailure() {
        return timedOutAfter == null ? null : "timeout: no matching message on channel '" + channel + "' within "
                + timedOutAfter.toMillis() + " ms";
    }

    /**
     * The message.
     *
     * @return the message sent or received, or null when the step timed out
     */
    public Message message() {
        return message;
    }

    /**
     * {@code $message.payload}, parsed once as JSON.
     *
     * @return the payload; a missing node when it is empty or there is no message
     * @throws WorkflowException naming the step, when the payload is not JSON
     */
    public JsonNode payload() {
        if (parsed == null) {
            parsed = parse();
        }
        return parsed;
    }

    /**
     * {@code $message.payload#/pointer}.
     *
     * @param pointer a JSON Pointer, {@code ""} for the whole payload
     * @return the node there, or a missing node
     * @throws WorkflowException naming the step, when the payload is not JSON
     */
    public JsonNode payload(String pointer) {
        return payload().at(pointer);
    }

    /**
     * {@code $message.payload#/pointer} read as the type the message's payload schema gives it.
     *
     * @param <T> the type
     * @param pointer a JSON Pointer, {@code ""} for the whole payload
     * @param reader reads the node there (a {@link Values} reader, a generated record's {@code fromJson})
     * @return the value read; null when the payload has nothing there, or JSON null
     * @throws WorkflowException naming the step, the pointer, the type expected and what came, when the value
     *     is not of that type, or the payload is not JSON
     */
    public <T> T read(String pointer, Function<JsonNode, T> reader) {
        JsonNode node = payload(pointer);
        try {
            return reader.apply(node);
        } catch (Values.Mismatch e) {
            String at = pointer + e.pointer();
            throw new WorkflowException("step '" + stepId + "' reads $message.payload" + (at.isEmpty() ? "" : "#" + at)
                    + ": expected " + e.expected() + " (as the message's payload schema says) but found " + e.found());
        }
    }

    /**
     * {@code $message.header.name}.
     *
     * @param name the header's name, exactly as sent
     * @return its value, or null when the message has no such header (or there is no message)
     */
    public String header(String name) {
        return message == null ? null : message.headers().get(name);
    }

    /**
     * The start of the payload, for the failure of a step.
     *
     * @return at most 512 characters of the payload as UTF-8 text; empty when there is no message
     */
    public String bodyExcerpt() {
        if (message == null) {
            return "";
        }
        String text = message.payloadText();
        return text.length() <= EXCERPT_LENGTH ? text : text.substring(0, EXCERPT_LENGTH) + "...";
    }

    private JsonNode parse() {
        if (message == null || message.payload().length == 0) {
            return MissingNode.getInstance();
        }
        try {
            return Values.MAPPER.readTree(message.payload());
        } catch (IOException e) {
            String text = bodyExcerpt();
            throw new WorkflowException("step '" + stepId + "' reads $message.payload, but the payload of the message"
                    + " on channel '" + channel + "' is not JSON; it starts: "
                    + (text.length() > 64 ? text.substring(0, 64) + "..." : text));
        }
    }
}
