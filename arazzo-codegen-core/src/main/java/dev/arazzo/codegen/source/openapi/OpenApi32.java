package dev.arazzo.codegen.source.openapi;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.arazzo.codegen.diagnostic.Diagnostics;
import dev.arazzo.codegen.diagnostic.SourceLocation;
import dev.arazzo.codegen.source.FileReads;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * OpenAPI 3.2 documents, which swagger-parser 2.1 does not read ({@code getOpenAPI()} is null), rewritten
 * into the 3.1 documents it reads, before parsing:
 *
 * <ul>
 * <li>{@code openapi: 3.2.x} becomes {@code 3.1.1};
 * <li>a path item's {@code query} operation (the QUERY method) and each of its {@code additionalOperations}
 *     move to a path item of their own, keyed {@code <path>#<METHOD>}, as its {@code get}, with the path's
 *     parameters, marked {@code x-arazzo-method} and {@code x-arazzo-path}: {@link OpenApiSource} reads them
 *     back as operations of {@code <path>} with that method;
 * <li>an {@code in: querystring} parameter becomes {@code in: query} marked {@code x-arazzo-in: querystring}:
 *     {@link OpenApiSource} sees {@link dev.arazzo.codegen.source.ParameterLocation#QUERYSTRING};
 * <li>{@code $ref}s to {@code #/components/mediaTypes/<name>} are replaced by the Media Type Object they name;
 * <li>{@code $self} is dropped ({@code $ref}s are resolved against the file).
 * </ul>
 *
 * <p>What cannot be translated is a located diagnostic in the OpenAPI file: an {@code additionalOperations}
 * entry that names a method the path item has a field for (an error, as the specification forbids it),
 * {@code style: cookie} (an error: the 3.1 styles would send it differently), a media type described only
 * by {@code itemSchema} (a warning: read as untyped).
 */
final class OpenApi32 {

    static final String METHOD = "x-arazzo-method";
    static final String PATH = "x-arazzo-path";
    static final String IN = "x-arazzo-in";

    private static final Set<String> FIXED_METHODS = Set.of("get", "put", "post", "delete", "options", "head",
            "patch", "trace", "query");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Path file;
    private final Diagnostics diagnostics;
    private final Map<String, int[]> positions;
    private final ObjectNode root;
    private boolean failed;

    private OpenApi32(Path file, ObjectNode root, Map<String, int[]> positions, Diagnostics diagnostics) {
        this.file = file;
        this.root = root;
        this.positions = positions;
        this.diagnostics = diagnostics;
    }

    /**
     * The 3.1 text (JSON) of the 3.2 document in {@code file}; empty when something cannot be translated (each
     * reported in the file) or the file cannot be read (reported at {@code at}).
     */
    static Optional<String> translate(String name, Path file, SourceLocation at, Diagnostics diagnostics) {
        byte[] bytes;
        JsonNode tree;
        Map<String, int[]> positions = new HashMap<>();
        try {
            bytes = FileReads.readAllBytes(file);
            boolean json = OpenApiReader.looksLikeJson(file, bytes);
            tree = (json ? JSON : YAML).readTree(bytes);
            positions(json ? JSON.getFactory() : YAML.getFactory(), bytes, positions);
        } catch (IOException | RuntimeException e) {
            diagnostics.error("invalid-openapi", at, "source '" + name + "' cannot be read as OpenAPI: "
                    + e.getMessage());
            return Optional.empty();
        }
        if (!(tree instanceof ObjectNode object)) {
            diagnostics.error("invalid-openapi", at, "source '" + name + "' cannot be read as OpenAPI: it is not an "
                    + "object");
            return Optional.empty();
        }
        Diagnostics found = new Diagnostics();
        OpenApi32 translation = new OpenApi32(file, object.deepCopy(), positions, found);
        translation.rewrite();
        found.all().stream().sorted(java.util.Comparator.comparingInt((dev.arazzo.codegen.diagnostic.Diagnostic d)
                -> d.location().line()).thenComparingInt(d -> d.location().column())).forEach(diagnostics::add);
        if (translation.failed) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.writeValueAsString(translation.root));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where each node starts, by JSON Pointer. */
    private static void positions(JsonFactory factory, byte[] bytes, Map<String, int[]> positions)
            throws IOException {
        try (JsonParser parser = factory.createParser(bytes)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.FIELD_NAME || token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    continue;
                }
                var where = parser.currentTokenLocation();
                positions.putIfAbsent(parser.getParsingContext().pathAsPointer().toString(),
                        new int[] {Math.max(1, where.getLineNr()), Math.max(1, where.getColumnNr())});
            }
        }
    }

    private void rewrite() {
        root.put("openapi", "3.1.1");
        root.remove("$self");
        JsonNode mediaTypes = root.path("components").path("mediaTypes");
        inlineMediaTypes(root, mediaTypes, 0);
        if (root.path("components") instanceof ObjectNode components) {
            components.remove("mediaTypes");
        }
        checkItems(root, "");
        if (root.path("paths") instanceof ObjectNode paths) {
            ObjectNode rewritten = paths.objectNode();
            paths.properties().forEach(entry -> {
                rewritten.set(entry.getKey(), entry.getValue());
                if (entry.getValue() instanceof ObjectNode item) {
                    operations(entry.getKey(), item, "/paths/" + escape(entry.getKey()), rewritten);
                }
            });
            root.set("paths", rewritten);
        }
        if (root.path("webhooks") instanceof ObjectNode webhooks) {
            webhooks.properties().forEach(entry -> {
                if (entry.getValue() instanceof ObjectNode item) {
                    item.remove("query");
                    item.remove("additionalOperations");
                }
            });
        }
    }

    /** Moves the item's {@code query} and {@code additionalOperations} to items of their own. */
    private void operations(String path, ObjectNode item, String pointer, ObjectNode paths) {
        List<Map.Entry<String, JsonNode>> moved = new ArrayList<>();
        JsonNode query = item.remove("query");
        if (query != null) {
            moved.add(Map.entry("QUERY", query));
        }
        JsonNode additional = item.remove("additionalOperations");
        if (additional != null && additional.isObject()) {
            additional.properties().forEach(entry -> {
                if (FIXED_METHODS.contains(entry.getKey().toLowerCase(Locale.ROOT))) {
                    error("openapi-untranslatable", pointer + "/additionalOperations/" + escape(entry.getKey()),
                            "additionalOperations of path '" + path + "' names " + entry.getKey() + ", which OpenAPI "
                                    + "3.2 forbids there; write it as the path item's '"
                                    + entry.getKey().toLowerCase(Locale.ROOT) + "' field");
                } else {
                    moved.add(entry);
                }
            });
        }
        for (Map.Entry<String, JsonNode> operation : moved) {
            ObjectNode own = item.objectNode();
            if (item.has("parameters")) {
                own.set("parameters", item.get("parameters"));
            }
            own.set("get", operation.getValue());
            own.put(METHOD, operation.getKey());
            own.put(PATH, path);
            paths.set(path + "#" + operation.getKey(), own);
        }
    }

    /** Replaces each {@code $ref} to a component media type by a copy of it. */
    private JsonNode inlineMediaTypes(JsonNode node, JsonNode mediaTypes, int depth) {
        if (depth > 64) {
            return node;
        }
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith("#/components/mediaTypes/")) {
                JsonNode target = mediaTypes.get(ref.asText().substring("#/components/mediaTypes/".length()));
                if (target != null) {
                    return inlineMediaTypes(target.deepCopy(), mediaTypes, depth + 1);
                }
            }
            object.properties().forEach(entry -> entry.setValue(inlineMediaTypes(entry.getValue(), mediaTypes,
                    depth + 1)));
        } else if (node != null && node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                ((com.fasterxml.jackson.databind.node.ArrayNode) node).set(i, inlineMediaTypes(node.get(i), mediaTypes,
                        depth + 1));
            }
        }
        return node;
    }

    /** Querystring parameters, cookie styles and item schemas, anywhere in the document. */
    private void checkItems(JsonNode node, String pointer) {
        if (node instanceof ObjectNode object) {
            if ("querystring".equals(object.path("in").asText(null))) {
                object.put("in", "query");
                object.put(IN, "querystring");
            }
            if ("cookie".equals(object.path("style").asText(null)) && object.has("in")) {
                error("openapi-untranslatable", pointer + "/style", "parameter '" + object.path("name").asText()
                        + "' has 'style: cookie' (OpenAPI 3.2), which this generator cannot send yet; use "
                        + "'style: form'");
            }
            if (object.has("itemSchema") && !object.has("schema")) {
                diagnostics.warning("openapi-item-schema", at(pointer + "/itemSchema"), "this media type describes "
                        + "a stream of items ('itemSchema', OpenAPI 3.2); the generator reads the body untyped, as "
                        + "JsonNode");
            }
            object.properties().forEach(entry -> checkItems(entry.getValue(),
                    pointer + "/" + escape(entry.getKey())));
        } else if (node != null && node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkItems(node.get(i), pointer + "/" + i);
            }
        }
    }

    private void error(String code, String pointer, String message) {
        failed = true;
        diagnostics.error(code, at(pointer), message);
    }

    private SourceLocation at(String pointer) {
        int[] position = positions.get(pointer);
        return position == null ? SourceLocation.ofFile(file, pointer)
                : new SourceLocation(file, position[0], position[1], pointer);
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
