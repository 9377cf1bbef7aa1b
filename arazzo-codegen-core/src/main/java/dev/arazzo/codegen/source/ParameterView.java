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
 * @param schema its schema (with {@code content}, the media type's), or null
 * @param contentType the media type of its {@code content} when it is described by one instead of a
 *     schema, else null
 */
public record ParameterView(
        String name, ParameterLocation location, ParameterStyle style, boolean explode, boolean allowReserved,
        SchemaView schema, String contentType) {

    /** A parameter described by a schema. */
    public ParameterView(String name, ParameterLocation location, ParameterStyle style, boolean explode,
            boolean allowReserved, SchemaView schema) {
        this(name, location, style, explode, allowReserved, schema, null);
    }

    /**
     * Whether OpenAPI says to ignore this declaration: a header named {@code Accept}, {@code Content-Type}
     * or {@code Authorization} (the request's own headers and security decide those).
     */
    public boolean ignoredHeader() {
        return location == ParameterLocation.HEADER && java.util.Set.of("accept", "content-type", "authorization")
                .contains(name.toLowerCase(java.util.Locale.ROOT));
    }
}
