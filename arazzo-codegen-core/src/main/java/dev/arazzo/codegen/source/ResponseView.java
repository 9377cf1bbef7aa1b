package dev.arazzo.codegen.source;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A response an operation declares.
 *
 * @param code the status code or range as written ({@code 200}, {@code 2XX}, {@code default})
 * @param reference whether the operation writes it as a {@code $ref} to a component response
 * @param jsonSchema the schema of its JSON media type (that of the referenced response for a
 *     {@code $ref}), or null
 * @param content its media types in document order, each with its schema (null when it has none)
 */
public record ResponseView(String code, boolean reference, SchemaView jsonSchema, Map<String, SchemaView> content) {

    /** What a response body holds, as a step reads {@code $response.body}. */
    public enum BodyKind {
        /** {@code application/json}, a {@code +json} type, or {@code *}{@code /*}: parsed as JSON. */
        JSON,
        /** {@code text/*}, XML and {@code +xml}, YAML, JavaScript, form data: the text. */
        TEXT,
        /** Anything else, and any media type whose schema is {@code format: binary}: the bytes. */
        BINARY
    }

    public ResponseView {
        content = Collections.unmodifiableMap(new LinkedHashMap<>(content));
    }

    /** A response whose media types are not known. */
    public ResponseView(String code, boolean reference, SchemaView jsonSchema) {
        this(code, reference, jsonSchema, Map.of());
    }

    /**
     * What its body holds: JSON when one of its media types is JSON, else text when all are text, else
     * bytes; null when it declares no content.
     */
    public BodyKind bodyKind() {
        if (content.isEmpty()) {
            return null;
        }
        boolean text = true;
        for (Map.Entry<String, SchemaView> media : content.entrySet()) {
            BodyKind kind = kindOf(media.getKey(), media.getValue());
            if (kind == BodyKind.JSON) {
                return BodyKind.JSON;
            }
            text &= kind == BodyKind.TEXT;
        }
        return text ? BodyKind.TEXT : BodyKind.BINARY;
    }

    /** Its media types, in document order. */
    public List<String> mediaTypes() {
        return List.copyOf(content.keySet());
    }

    /** What a body of {@code mediaType} holds, described by {@code schema} (or null). */
    public static BodyKind kindOf(String mediaType, SchemaView schema) {
        String type = mediaType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        SchemaView resolved = schema == null ? null : schema.resolved();
        boolean binary = resolved != null && "string".equals(resolved.type()) && "binary".equals(resolved.format());
        if (type.contains("json")) {
            return BodyKind.JSON;
        }
        if (binary) {
            return BodyKind.BINARY;
        }
        if (type.equals("*/*")) {
            return BodyKind.JSON;
        }
        if (type.startsWith("text/") || type.equals("application/xml") || type.endsWith("+xml")
                || type.equals("application/yaml") || type.equals("application/x-yaml")
                || type.equals("application/javascript") || type.equals("application/x-www-form-urlencoded")) {
            return BodyKind.TEXT;
        }
        return BodyKind.BINARY;
    }
}
