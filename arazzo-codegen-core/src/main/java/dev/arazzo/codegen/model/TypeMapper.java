package dev.arazzo.codegen.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Maps JSON Schema (workflow inputs) and OpenAPI schemas (response bodies) to Java types, as
 * openapi-generator does: integer to Integer (int64: Long), number to Double, string to String, boolean
 * to Boolean, arrays to List, maps ({@code additionalProperties}) to Map; JsonNode where no schema says
 * more.
 */
public final class TypeMapper {

    public static final ClassName JSON_NODE = ClassName.get("com.fasterxml.jackson.databind", "JsonNode");
    private static final ClassName STRING = ClassName.get(String.class);
    private static final ClassName LIST = ClassName.get(List.class);
    private static final ClassName MAP = ClassName.get(Map.class);

    private TypeMapper() {
    }

    /** The Java type of a JSON Schema in a workflow's {@code inputs}. */
    public static TypeName fromJsonSchema(JsonNode schema) {
        if (schema == null || !schema.isObject()) {
            return JSON_NODE;
        }
        String type = schemaType(schema.get("type"));
        return switch (type == null ? "" : type) {
            case "string" -> STRING;
            case "integer" -> "int64".equals(schema.path("format").asText()) ? ClassName.get(Long.class) : ClassName.get(Integer.class);
            case "number" -> ClassName.get(Double.class);
            case "boolean" -> ClassName.get(Boolean.class);
            case "array" -> ParameterizedTypeName.get(LIST, fromJsonSchema(schema.get("items")));
            case "object" -> {
                JsonNode additional = schema.get("additionalProperties");
                if (additional != null && additional.isObject() && !schema.has("properties")) {
                    yield ParameterizedTypeName.get(MAP, STRING, fromJsonSchema(additional));
                }
                yield JSON_NODE;
            }
            default -> JSON_NODE;
        };
    }

    private static String schemaType(JsonNode type) {
        if (type == null) {
            return null;
        }
        if (type.isTextual()) {
            return type.asText();
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!"null".equals(t.asText())) {
                    return t.asText();
                }
            }
        }
        return null;
    }

    /** The Java type of an OpenAPI schema (3.0 {@code type} or 3.1 {@code types}). */
    public static TypeName fromOpenApi(Schema<?> schema, OpenAPI openApi) {
        Schema<?> resolved = follow(schema, openApi);
        if (resolved == null) {
            return JSON_NODE;
        }
        String type = openApiType(resolved);
        return switch (type == null ? "" : type) {
            case "string" -> STRING;
            case "integer" -> "int64".equals(resolved.getFormat()) ? ClassName.get(Long.class) : ClassName.get(Integer.class);
            case "number" -> ClassName.get(Double.class);
            case "boolean" -> ClassName.get(Boolean.class);
            default -> JSON_NODE;
        };
    }

    /**
     * The schema a JSON Pointer lands on inside {@code schema}; empty when the schema says the pointer
     * cannot exist, or cannot tell.
     */
    public static Optional<Schema<?>> at(Schema<?> schema, String pointer, OpenAPI openApi) {
        Schema<?> current = follow(schema, openApi);
        if (pointer.isEmpty()) {
            return Optional.ofNullable(current);
        }
        for (String raw : pointer.substring(1).split("/", -1)) {
            if (current == null) {
                return Optional.empty();
            }
            String token = raw.replace("~1", "/").replace("~0", "~");
            String type = openApiType(current);
            Schema<?> next = null;
            if (current.getProperties() != null && current.getProperties().containsKey(token)) {
                next = current.getProperties().get(token);
            } else if ("array".equals(type) || current.getItems() != null) {
                next = token.chars().allMatch(Character::isDigit) && !token.isEmpty() ? current.getItems() : null;
            } else if (current.getAdditionalProperties() instanceof Schema<?> additional) {
                next = additional;
            } else if (current.getAllOf() != null) {
                for (Schema<?> part : current.getAllOf()) {
                    Optional<Schema<?>> found = at(part, "/" + raw, openApi);
                    if (found.isPresent()) {
                        next = found.get();
                        break;
                    }
                }
            }
            if (next == null) {
                return Optional.empty();
            }
            current = follow(next, openApi);
        }
        return Optional.ofNullable(current);
    }

    /** Follows {@code $ref} to a component schema. */
    public static Schema<?> follow(Schema<?> schema, OpenAPI openApi) {
        Schema<?> current = schema;
        for (int depth = 0; current != null && current.get$ref() != null && depth < 32; depth++) {
            String ref = current.get$ref();
            String name = ref.substring(ref.lastIndexOf('/') + 1);
            current = openApi.getComponents() == null || openApi.getComponents().getSchemas() == null
                    ? null
                    : openApi.getComponents().getSchemas().get(name);
        }
        return current;
    }

    private static String openApiType(Schema<?> schema) {
        if (schema.getType() != null) {
            return schema.getType();
        }
        Set<String> types = schema.getTypes();
        if (types != null) {
            return types.stream().filter(t -> !"null".equals(t)).findFirst().orElse(null);
        }
        return schema.getProperties() != null ? "object" : null;
    }
}
