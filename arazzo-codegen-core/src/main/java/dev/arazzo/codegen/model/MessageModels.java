package dev.arazzo.codegen.model;

import dev.arazzo.codegen.model.WorkflowModel.BodyModel;
import dev.arazzo.codegen.model.WorkflowModel.StepTarget;
import dev.arazzo.codegen.model.WorkflowModel.ValueModel;
import java.util.List;

/** The model of an AsyncAPI step: the message it publishes or the message it waits for. */
public final class MessageModels {

    private MessageModels() {
    }

    /**
     * A message a step sends or receives on an AsyncAPI channel.
     *
     * @param source the name of the AsyncAPI source description (which transport carries it)
     * @param receive whether the step waits for a message ({@code action: receive}); else it publishes one
     * @param channel the channel's key in the AsyncAPI document
     * @param address the channel's address, e.g. {@code orders.{region}.placed}
     * @param channelParameters the values the step gives the address's parameters ({@code in: channel})
     * @param headers the message headers a send step sets ({@code in: header})
     * @param payload the payload a send step publishes (JSON, replacements applied), or null
     * @param contentType the message's {@code contentType}, else {@code application/json}
     * @param correlation what a receive step matches messages on, or null
     * @param timeout milliseconds a receive step waits, or null for the client's default
     */
    public record MessageCall(
            String source, boolean receive, String channel, String address, List<NamedValue> channelParameters,
            List<NamedValue> headers, BodyModel payload, String contentType, CorrelationModel correlation,
            Long timeout) implements StepTarget {

        public MessageCall {
            channelParameters = List.copyOf(channelParameters);
            headers = List.copyOf(headers);
        }
    }

    /** A channel parameter or message header and the value the step gives it. */
    public record NamedValue(String name, ValueModel value) {
    }

    /**
     * The correlation of a receive step: a message is the step's when the value at {@code pointer} (in its
     * headers when {@code inHeader}, else in its payload) equals {@code expected}.
     *
     * @param expected the step's {@code correlationId} value
     * @param inHeader whether the AsyncAPI message's correlation id is a header ({@code $message.header#/x})
     * @param pointer the JSON Pointer into the headers or payload, e.g. {@code /correlationId}
     */
    public record CorrelationModel(ValueModel expected, boolean inHeader, String pointer) {
    }
}
