package dev.arazzo.runtime;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A generated type that writes itself as JSON: the records and enums of a workflow's inputs and of the
 * responses it reads. {@link Values#json(Object)} asks it, so that no user type is read by reflection.
 */
public interface JsonValue {

    /**
     * This value as JSON.
     *
     * @return a JSON tree of this value; nothing else holds it
     */
    JsonNode toJson();
}
