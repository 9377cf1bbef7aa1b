package dev.arazzo.codegen.source;

/**
 * A parameter an operation declares, with OpenAPI's defaults filled in: {@code style} form for query
 * and cookie parameters and simple for path and header ones, {@code explode} true only for form.
 *
 * @param name its name
 * @param location where it goes; null when the description names no location this generator knows
 * @param style how its value is serialized
 * @param explode whether arrays and objects are exploded
 * @param allowReserved whether reserved characters are sent unencoded (query parameters)
 * @param schema its schema, or null
 */
public record ParameterView(
        String name, ParameterLocation location, ParameterStyle style, boolean explode, boolean allowReserved,
        SchemaView schema) {
}
