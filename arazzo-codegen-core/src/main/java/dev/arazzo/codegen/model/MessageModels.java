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
     * @param protocols the protocols the source's servers declare, each once (the transport must serve them)
     */
    public record MessageCall(
            String source, boolean receive, String channel, String address, List<NamedValue> channelParameters,
            List<NamedValue> headers, BodyModel payload, String contentType, CorrelationModel correlation,
            Long timeout, List<String> protocols) implements StepTarget {

        public MessageCall {
            channelParameters = List.copyOf(channelParameters);
            headers = List.copyOf(headers);
            protocols = List.copyOf(protocols);
        }

        /** A message call whose source declares no protocol. */
        public MessageCall(
                String source, boolean receive, String channel, String address, List<NamedValue> channelParameters,
                List<NamedValue> headers, BodyModel payload, String contentType, CorrelationModel correlation,
                Long timeout) {
            this(source, receive, channel, address, channelParameters, headers, payload, contentType, correlation,
                    timeout, List.of());
        }
    }

    /**
     * A channel a run listens to from its start: a receive step's, of this workflow or of one it runs.
     *
     * @param stepId the receive step
     * @param source the AsyncAPI source description's name
     * @param address the channel's address as written
     * @param parameters the values of the address's parameters
     */
    public record ListenedChannel(String stepId, String source, String address, List<NamedValue> parameters) {

        public ListenedChannel {
            parameters = List.copyOf(parameters);
        }
    }

    /** Whether a workflow sends or receives messages: in its own steps or in those of a workflow it runs. */
    public static boolean usesMessages(WorkflowModel workflow) {
        return workflow.steps().stream().anyMatch(step -> step.target() instanceof MessageCall)
                || workflow.callees().stream().anyMatch(WorkflowModel.CalleeModel::messages);
    }

    /**
     * The channels a run of {@code workflow} listens to from its start: those of its receive steps, then those
     * of the workflows it runs. With {@code constant}, only those whose address needs no value of the run
     * (its parameters are literals): what a workflow that runs this one can subscribe to for it.
     */
    public static List<ListenedChannel> listened(WorkflowModel workflow, boolean constant) {
        List<ListenedChannel> channels = new java.util.ArrayList<>();
        for (WorkflowModel.StepModel step : workflow.steps()) {
            if (step.target() instanceof MessageCall call && call.receive() && (!constant
                    || call.channelParameters().stream().allMatch(p -> p.value() instanceof WorkflowModel.LiteralValue))) {
                channels.add(new ListenedChannel(step.stepId(), call.source(), call.address(),
                        call.channelParameters()));
            }
        }
        workflow.callees().forEach(callee -> channels.addAll(callee.listens()));
        return channels;
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
