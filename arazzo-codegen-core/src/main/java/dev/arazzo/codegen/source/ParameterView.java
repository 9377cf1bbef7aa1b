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
 * @param unsendable why the generator cannot send it as the description means it (a Swagger 2.0
 *     {@code collectionFormat} with no OpenAPI 3 style), else null
 */
public record ParameterView(
        String name, ParameterLocation location, ParameterStyle style, boolean explode, boolean allowReserved,
        SchemaView schema, String contentType, String unsendable) {

    /** A parameter the generator can send as described. */
    public ParameterView(String name, ParameterLocation location, ParameterStyle style, boolean explode,
            boolean allowReserved, SchemaView schema, String contentType) {
        this(name, location, style, explode, allowReserved, schema, contentType, null);
    }

    /** This parameter, which cannot be sent as described, for the reason {@code why}. */
    public ParameterView unsendable(String why) {
        return new ParameterView(name, location, style, explode, allowReserved, schema, contentType, why);
    }

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
