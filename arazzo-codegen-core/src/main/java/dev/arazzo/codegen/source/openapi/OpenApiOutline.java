package dev.arazzo.codegen.source.openapi;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * An OpenAPI document seen by its parts, each read only when asked for: the top-level fields, each path item
 * with the operationIds of its operations, and each component. {@link #of(JsonNode)} outlines a tree already
 * read; {@link #scan} outlines a JSON file in one pass over its tokens, keeping where each path item and
 * component stands in the bytes, and reads a part as a tree only when it is asked for, with the same mapper
 * that would have read the whole file (so every value is what it would be in the whole tree).
 */
final class OpenApiOutline {

    /** The path item fields that hold operations, as swagger-parser reads them (OpenAPI 3.0 and 3.1). */
    static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");

    /**
     * A path item.
     *
     * @param operationIds by method, the operation's operationId (null when it has none)
     * @param reference whether the item is a {@code $ref}
     * @param problem why its operations cannot be read from the outline, or null
     * @param node the item, read when asked for
     */
    record PathItem(Map<String, String> operationIds, boolean reference, String problem, Supplier<JsonNode> node) {
    }

    /** The top-level fields but {@code paths} and {@code components}, in document order, read when asked for. */
    final Map<String, Supplier<JsonNode>> fields = new LinkedHashMap<>();
    /** Whether the document has {@code paths} (an object) and {@code components}, and where each field stands. */
    final List<String> order = new java.util.ArrayList<>();
    final Map<String, PathItem> paths = new LinkedHashMap<>();
    /** By kind, each named component; a kind that is not a map of components (an extension) has no entry. */
    final Map<String, Map<String, Supplier<JsonNode>>> components = new LinkedHashMap<>();
    /** The fields of {@code components} that are not maps of components, as they are. */
    final Map<String, Supplier<JsonNode>> componentFields = new LinkedHashMap<>();
    boolean hasPaths;
    boolean hasComponents;

    private OpenApiOutline() {
    }

    /** The outline of a document read as a tree; empty when it is not an object with an object of paths. */
    static Optional<OpenApiOutline> of(JsonNode document) {
        if (!document.isObject()) {
            return Optional.empty();
        }
        OpenApiOutline outline = new OpenApiOutline();
        for (Map.Entry<String, JsonNode> field : document.properties()) {
            String key = field.getKey();
            JsonNode value = field.getValue();
            outline.order.add(key);
            if (key.equals("paths")) {
                if (!value.isObject()) {
                    return Optional.empty();
                }
                outline.hasPaths = true;
                for (Map.Entry<String, JsonNode> item : value.properties()) {
                    outline.paths.put(item.getKey(), item(item.getValue()));
                }
            } else if (key.equals("components") && value.isObject()) {
                outline.hasComponents = true;
                for (Map.Entry<String, JsonNode> kind : value.properties()) {
                    if (kind.getValue().isObject() && !kind.getKey().startsWith("x-")) {
                        Map<String, Supplier<JsonNode>> named = new LinkedHashMap<>();
                        kind.getValue().properties().forEach(component -> named.put(component.getKey(),
                                component::getValue));
                        outline.components.put(kind.getKey(), named);
                    } else {
                        outline.componentFields.put(kind.getKey(), kind::getValue);
                    }
                }
            } else {
                outline.fields.put(key, () -> value);
            }
        }
        return Optional.of(outline);
    }

    private static PathItem item(JsonNode item) {
        if (!item.isObject()) {
            return new PathItem(Map.of(), false, "it is not an object", () -> item);
        }
        Map<String, String> ids = new LinkedHashMap<>();
        String problem = null;
        for (String method : METHODS) {
            JsonNode operation = item.get(method);
            if (operation == null) {
                continue;
            }
            JsonNode id = operation.get("operationId");
            if (!operation.isObject() || id != null && !id.isTextual()) {
                problem = "operation " + method + " is not read as written";
            } else {
                ids.put(method, id == null ? null : id.asText());
            }
        }
        return new PathItem(ids, item.has("$ref"), problem, () -> item);
    }

    /**
     * The outline of the JSON text {@code bytes} as {@code mapper} reads it; empty when the text is not a JSON
     * object whose parts can be told apart in one pass (then the whole tree is read): it does not start with
     * {@code {}, it has a key twice in the maps outlined, or it is not well-formed.
     */
    static Optional<OpenApiOutline> scan(byte[] bytes, ObjectMapper mapper) {
        int first = 0;
        while (first < bytes.length && (bytes[first] & 0xff) <= ' ') {
            first++;
        }
        if (first == bytes.length || bytes[first] != '{') {
            return Optional.empty();
        }
        OpenApiOutline outline = new OpenApiOutline();
        try (JsonParser parser = mapper.getFactory().createParser(bytes)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                JsonToken value = parser.nextToken();
                if (outline.order.contains(key)) {
                    return Optional.empty();
                }
                outline.order.add(key);
                if (key.equals("paths") && value == JsonToken.START_OBJECT) {
                    outline.hasPaths = true;
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String path = parser.currentName();
                        if (outline.paths.containsKey(path)) {
                            return Optional.empty();
                        }
                        parser.nextToken();
                        outline.paths.put(path, scanItem(parser, bytes, mapper));
                    }
                } else if (key.equals("paths")) {
                    return Optional.empty();
                } else if (key.equals("components") && value == JsonToken.START_OBJECT) {
                    outline.hasComponents = true;
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String kind = parser.currentName();
                        JsonToken start = parser.nextToken();
                        if (outline.components.containsKey(kind) || outline.componentFields.containsKey(kind)) {
                            return Optional.empty();
                        }
                        if (start == JsonToken.START_OBJECT && !kind.startsWith("x-")) {
                            Map<String, Supplier<JsonNode>> named = new LinkedHashMap<>();
                            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                                String name = parser.currentName();
                                if (named.containsKey(name)) {
                                    return Optional.empty();
                                }
                                parser.nextToken();
                                named.put(name, part(parser, bytes, mapper));
                            }
                            outline.components.put(kind, named);
                        } else {
                            outline.componentFields.put(kind, part(parser, bytes, mapper));
                        }
                    }
                } else if (key.equals("webhooks")) {
                    parser.skipChildren(); // never read
                    outline.fields.put(key, () -> null);
                } else {
                    JsonNode node = mapper.readTree(parser);
                    outline.fields.put(key, () -> node);
                }
            }
            return Optional.of(outline);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static PathItem scanItem(JsonParser parser, byte[] bytes, ObjectMapper mapper) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            return new PathItem(Map.of(), false, "it is not an object", part(parser, bytes, mapper));
        }
        long start = parser.currentTokenLocation().getByteOffset();
        Map<String, String> ids = new LinkedHashMap<>();
        boolean reference = false;
        String problem = null;
        java.util.Set<String> keys = new java.util.HashSet<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (!keys.add(field)) {
                problem = "it has the field '" + field + "' twice";
            }
            reference |= field.equals("$ref");
            if (!METHODS.contains(field)) {
                parser.skipChildren();
            } else if (value != JsonToken.START_OBJECT) {
                problem = "operation " + field + " is not read as written";
                parser.skipChildren();
            } else {
                String id = null;
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    JsonToken token = parser.nextToken();
                    if (name.equals("operationId")) {
                        if (token != JsonToken.VALUE_STRING || id != null) {
                            problem = "operation " + field + " is not read as written";
                        }
                        id = parser.getText();
                    } else {
                        parser.skipChildren();
                    }
                }
                ids.put(field, id);
            }
        }
        long end = parser.currentLocation().getByteOffset();
        return new PathItem(order(ids), reference, problem, slice(bytes, start, end, mapper));
    }

    /** The operationIds in the order swagger-parser lists operations. */
    private static Map<String, String> order(Map<String, String> ids) {
        Map<String, String> ordered = new LinkedHashMap<>();
        for (String method : METHODS) {
            if (ids.containsKey(method)) {
                ordered.put(method, ids.get(method));
            }
        }
        return ordered;
    }

    /** The value the parser stands at: kept as bytes when a container, read now when a scalar. */
    private static Supplier<JsonNode> part(JsonParser parser, byte[] bytes, ObjectMapper mapper) throws IOException {
        if (!parser.currentToken().isStructStart()) {
            JsonNode node = mapper.readTree(parser);
            return () -> node;
        }
        long start = parser.currentTokenLocation().getByteOffset();
        parser.skipChildren();
        return slice(bytes, start, parser.currentLocation().getByteOffset(), mapper);
    }

    private static Supplier<JsonNode> slice(byte[] bytes, long start, long end, ObjectMapper mapper) {
        return () -> {
            try {
                return mapper.readTree(bytes, (int) start, (int) (end - start));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }
}
