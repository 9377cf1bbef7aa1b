package dev.arazzo.codegen.source;

/**
 * A response an operation declares.
 *
 * @param code the status code or range as written ({@code 200}, {@code 2XX}, {@code default})
 * @param reference whether the operation writes it as a {@code $ref} to a component response
 * @param jsonSchema the schema of its JSON media type (that of the referenced response for a
 *     {@code $ref}), or null
 */
public record ResponseView(String code, boolean reference, SchemaView jsonSchema) {
}
