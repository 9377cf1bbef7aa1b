package dev.arazzo.bench.workflow;

import java.util.Map;
import java.util.Objects;

/**
 * One way of running the seed workflow {@code start-chat-and-set-attributes}: start a chat, read the
 * contact back, write attributes onto it. The benchmark runs each implementation against the same
 * simulator with the same inputs, so their costs can be compared call for call.
 */
public interface ChatWorkflow {

    /** The workflow's inputs, as the Arazzo document declares them. */
    record Inputs(String instanceId, String contactFlowId, String displayName, Map<String, String> attributes) {
        public Inputs {
            Objects.requireNonNull(instanceId, "instanceId");
            Objects.requireNonNull(contactFlowId, "contactFlowId");
            Objects.requireNonNull(displayName, "displayName");
            attributes = attributes == null ? null : Map.copyOf(attributes);
        }
    }

    /** The workflow's outputs, as the Arazzo document declares them. */
    record Outputs(String contactId, String participantToken, String channel) {

        /**
         * Checks that a run set every output, the chat's channel among them, before a benchmark measures it.
         *
         * @param client the client that ran, for the message
         * @throws IllegalStateException when an output is missing or wrong
         */
        public void checked(String client) {
            if (contactId == null || participantToken == null || !"CHAT".equals(channel)) {
                throw new IllegalStateException(client + " ran the workflow wrongly: " + this);
            }
        }
    }

    Outputs run(Inputs inputs);
}
