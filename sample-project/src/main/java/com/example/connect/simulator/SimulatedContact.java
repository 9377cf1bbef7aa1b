package com.example.connect.simulator;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A contact as the {@link ConnectSimulator} holds it. Immutable: an update replaces the whole value.
 *
 * @param instanceId the instance the contact belongs to
 * @param id the contact id (a UUID)
 * @param arn the contact ARN
 * @param contactFlowId the flow the chat was started against
 * @param channel the channel, {@code CHAT} for contacts started by startChatContact
 * @param initiationMethod how the contact was initiated, {@code API} for startChatContact
 * @param initiationTimestamp when the contact was started
 * @param lastUpdateTimestamp when the contact or its attributes last changed
 * @param participantId the customer participant's id
 * @param participantToken the customer participant's token
 * @param displayName the customer participant's display name
 * @param attributes the user-defined attributes, in the order they were first written; unmodifiable
 */
public record SimulatedContact(
        String instanceId,
        String id,
        String arn,
        String contactFlowId,
        String channel,
        String initiationMethod,
        Instant initiationTimestamp,
        Instant lastUpdateTimestamp,
        String participantId,
        String participantToken,
        String displayName,
        Map<String, String> attributes) {

    public SimulatedContact {
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(contactFlowId, "contactFlowId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(initiationMethod, "initiationMethod");
        Objects.requireNonNull(initiationTimestamp, "initiationTimestamp");
        Objects.requireNonNull(lastUpdateTimestamp, "lastUpdateTimestamp");
        Objects.requireNonNull(participantId, "participantId");
        Objects.requireNonNull(participantToken, "participantToken");
        Objects.requireNonNull(displayName, "displayName");
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(attributes, "attributes")));
    }

    /** This contact with {@code update} merged onto its attributes: new keys added, existing keys replaced. */
    SimulatedContact withAttributesMerged(Map<String, String> update, Instant now) {
        Map<String, String> merged = new LinkedHashMap<>(attributes);
        merged.putAll(update);
        return new SimulatedContact(instanceId, id, arn, contactFlowId, channel, initiationMethod,
                initiationTimestamp, now, participantId, participantToken, displayName, merged);
    }
}
