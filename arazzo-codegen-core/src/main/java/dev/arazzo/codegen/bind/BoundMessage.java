package dev.arazzo.codegen.bind;

import dev.arazzo.codegen.source.asyncapi.AsyncApiDocument;
import dev.arazzo.codegen.source.asyncapi.AsyncApiDocument.Action;
import dev.arazzo.codegen.source.asyncapi.AsyncApiDocument.Channel;
import dev.arazzo.codegen.source.asyncapi.AsyncApiDocument.Message;
import dev.arazzo.codegen.source.asyncapi.AsyncApiDocument.Operation;
import java.util.List;

/**
 * What an AsyncAPI step sends or receives: the channel it uses (through an operation, or named by its
 * {@code channelPath}) and the messages that may travel on it.
 *
 * @param source the AsyncAPI source
 * @param operation the operation the step names, or null when it names a channel
 * @param channel the channel
 * @param messages the messages the step may send or take: the operation's, else the channel's
 * @param action what the step does ({@code action}), or null when it does not say (reported)
 * @param correlationId the step's {@code correlationId} value, or null
 */
public record BoundMessage(
        AsyncApiDocument source, Operation operation, Channel channel, List<Message> messages, Action action,
        BoundDocument.BoundValue correlationId) {

    public BoundMessage {
        messages = List.copyOf(messages);
    }

    /** Whether the step waits for a message. */
    public boolean receives() {
        return action == Action.RECEIVE;
    }
}
