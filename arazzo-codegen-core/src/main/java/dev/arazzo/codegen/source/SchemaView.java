package dev.arazzo.codegen.source;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A schema as a source writes it (a {@code $ref} stays a {@code $ref}, so that it still names its
 * component); {@link #resolved()} follows it. A source hands out one view per schema it holds, so
 * views can be compared by identity.
 */
public interface SchemaView {

    /** The schema its {@code $ref}s lead to, this one when it has none; null when they lead nowhere. */
    SchemaView resolved();

    /** The {@code $ref} as written, or null. */
    String ref();

    /** The last {@code $ref} of the chain that starts here, or null when this is no {@code $ref}. */
    String lastRef();

    /**
     * The JSON type it gives its values: 3.0 {@code type}, or the first non-null of 3.1 {@code types};
     * "object" for an untyped schema with properties; null when it does not say.
     */
    String type();

    /** Its format, or null. */
    String format();

    /** Its {@code contentMediaType} (OpenAPI 3.1, JSON Schema 2020-12), or null. */
    default String contentMediaType() {
        return null;
    }

    /** Its {@code contentEncoding} (OpenAPI 3.1, JSON Schema 2020-12), or null. */
    default String contentEncoding() {
        return null;
    }

    /** Its description, or null. */
    String description();

    /** Its properties in order, or null when it declares none. */
    Map<String, SchemaView> properties();

    /** The names of its required properties. */
    List<String> required();

    /** The schema of its items, or null. */
    SchemaView items();

    /** Its {@code additionalProperties} when that is a schema, else null. */
    SchemaView additionalProperties();

    /** Its {@code allOf} parts, or null. */
    List<SchemaView> allOf();

    /** Whether it combines schemas ({@code allOf}, {@code oneOf} or {@code anyOf}). */
    boolean combines();

    /**
     * The schema a JSON Pointer lands on inside this one, as written there (a {@code $ref} there still
     * names its component); empty when the schema says the pointer cannot exist, or cannot tell.
     */
    default Optional<SchemaView> at(String pointer) {
        SchemaView current = resolved();
        if (pointer.isEmpty()) {
            return current == null ? Optional.empty() : Optional.of(this);
        }
        SchemaView landed = null;
        for (String raw : pointer.substring(1).split("/", -1)) {
            if (current == null) {
                return Optional.empty();
            }
            String token = raw.replace("~1", "/").replace("~0", "~");
            SchemaView next = null;
            Map<String, SchemaView> properties = current.properties();
            if (properties != null && properties.containsKey(token)) {
                next = properties.get(token);
            } else if ("array".equals(current.type()) || current.items() != null) {
                next = token.chars().allMatch(Character::isDigit) && !token.isEmpty() ? current.items() : null;
            } else if (current.additionalProperties() != null) {
                next = current.additionalProperties();
            } else if (current.allOf() != null) {
                for (SchemaView part : current.allOf()) {
                    Optional<SchemaView> found = part == null ? Optional.empty() : part.at("/" + raw);
                    if (found.isPresent()) {
                        next = found.get();
                        break;
                    }
                }
            }
            if (next == null) {
                return Optional.empty();
            }
            landed = next;
            current = next.resolved();
        }
        return current == null ? Optional.empty() : Optional.of(landed);
    }
}
