package dev.arazzo.codegen.source.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arazzo.codegen.source.OperationDemand;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of an OpenAPI 3.0/3.1 document that the workflows read: the path items of the operations they name
 * (by operationId or operationPath), with only those operations, and the components those reach through
 * {@code $ref}s (followed transitively, discriminator mappings included), every security scheme, and the
 * document's other top-level fields as they are; webhooks are left out (no view reads them).
 *
 * <p>The subset is made only when swagger-parser reads it exactly as it reads the same parts of the whole
 * document; otherwise {@link #of} is empty, with the reason, and the whole document is parsed: a path item that
 * is a {@code $ref}, a {@code $ref} that leaves the file or points anywhere but at a component (for example
 * {@code #/paths/...} or a JSON Schema anchor), a discriminator mapping to another file, a percent-encoded
 * {@code $ref}, and an operation a step names that the document does not define (the diagnostic then suggests
 * names from every operation).
 */
final class OpenApiSubset {

    /** The path item fields that hold operations, as swagger-parser reads them (OpenAPI 3.0 and 3.1). */
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");
    private static final Pattern QUALIFIED_ID = Pattern.compile("^\\$sourceDescriptions\\.([^.]+)\\.(.+)$");
    private static final Pattern OPERATION_PATH = Pattern.compile("^\\{\\$sourceDescriptions\\.([^.}]+)\\.url\\}#(.*)$");
    private static final String COMPONENTS = "#/components/";

    /** Why the document is parsed whole, or the subset. */
    record Result(Optional<ObjectNode> subset, String reason) {
    }

    private final ObjectNode root;
    private final ObjectNode components;
    private final Map<String, Set<String>> kept = new HashMap<>();
    private final Deque<JsonNode> pending = new ArrayDeque<>();
    private String failure;

    private OpenApiSubset(ObjectNode root) {
        this.root = root;
        this.components = root.get("components") instanceof ObjectNode object ? object : null;
    }

    /**
     * The subset of {@code document} (the tree swagger-parser reads) that the steps asking {@code demand} of the
     * source {@code name} read, or empty with the reason the whole document must be parsed.
     */
    static Result of(JsonNode document, String name, OperationDemand demand) {
        if (demand.all()) {
            return new Result(Optional.empty(), "every operation is asked for");
        }
        if (!(document instanceof ObjectNode object)) {
            return new Result(Optional.empty(), "the document is not an object");
        }
        OpenApiSubset subset = new OpenApiSubset(object);
        Optional<ObjectNode> pruned = subset.prune(name, demand);
        return new Result(pruned, subset.failure == null ? "" : subset.failure);
    }

    private Optional<ObjectNode> prune(String name, OperationDemand demand) {
        JsonNode paths = root.get("paths");
        if (paths != null && !(paths instanceof ObjectNode)) {
            return fail("'paths' is not an object");
        }
        // every operation: path -> method -> operationId
        Map<String, Map<String, String>> operations = new LinkedHashMap<>();
        if (paths != null) {
            for (Map.Entry<String, JsonNode> item : paths.properties()) {
                if (!(item.getValue() instanceof ObjectNode fields)) {
                    return fail("path item '" + item.getKey() + "' is not an object");
                }
                if (fields.has("$ref")) {
                    return fail("path item '" + item.getKey() + "' is a $ref");
                }
                Map<String, String> methods = new LinkedHashMap<>();
                for (String method : METHODS) {
                    JsonNode operation = fields.get(method);
                    if (operation == null) {
                        continue;
                    }
                    JsonNode id = operation.get("operationId");
                    if (!operation.isObject() || id != null && !id.isTextual()) {
                        return fail("operation " + method + " " + item.getKey() + " is not read as written");
                    }
                    methods.put(method, id == null ? null : id.asText());
                }
                operations.put(item.getKey(), methods);
            }
        }
        Map<String, Set<String>> wanted = new LinkedHashMap<>();
        for (String written : demand.operationIds()) {
            String id = written;
            Matcher qualified = QUALIFIED_ID.matcher(written);
            if (qualified.matches()) {
                if (!qualified.group(1).equals(name)) {
                    continue;
                }
                id = qualified.group(2);
            }
            boolean found = false;
            for (Map.Entry<String, Map<String, String>> item : operations.entrySet()) {
                for (Map.Entry<String, String> operation : item.getValue().entrySet()) {
                    if (id.equals(operation.getValue())) {
                        wanted.computeIfAbsent(item.getKey(), key -> new LinkedHashSet<>()).add(operation.getKey());
                        found = true;
                    }
                }
            }
            if (!found) {
                return fail("operationId '" + written + "' is not defined here");
            }
        }
        for (String written : demand.operationPaths()) {
            Matcher strict = OPERATION_PATH.matcher(written);
            boolean ours = !strict.matches() || strict.group(1).equals(name);
            int hash = written.indexOf('#');
            String[] tokens = (hash < 0 ? "" : written.substring(hash + 1)).split("/", -1);
            if (tokens.length < 3 || !tokens[0].isEmpty() || !tokens[1].equals("paths")) {
                continue; // not an operation of any path: reported without reading the operations
            }
            String path = unescape(tokens[2]);
            Map<String, String> methods = operations.get(path);
            if (tokens.length == 3) {
                if (methods != null) {
                    wanted.computeIfAbsent(path, key -> new LinkedHashSet<>()).addAll(methods.keySet());
                }
                continue;
            }
            String method = tokens.length == 4 ? tokens[3].toLowerCase(Locale.ROOT) : null;
            if (methods != null && method != null && methods.containsKey(method)) {
                wanted.computeIfAbsent(path, key -> new LinkedHashSet<>()).add(method);
            } else if (ours) {
                return fail("operationPath '" + written + "' names no operation of the document");
            }
        }
        ObjectNode subset = root.objectNode();
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            switch (field.getKey()) {
                case "paths" -> subset.set("paths", paths(field.getValue(), wanted));
                case "webhooks" -> {
                }
                case "components" -> subset.set("components", field.getValue()); // replaced below
                default -> subset.set(field.getKey(), field.getValue());
            }
        }
        if (components != null) {
            JsonNode schemes = components.get("securitySchemes");
            if (schemes != null) {
                pending.push(schemes);
            }
        }
        follow();
        if (failure != null) {
            return Optional.empty();
        }
        if (components != null) {
            subset.set("components", components());
        }
        return Optional.of(subset);
    }

    private ObjectNode paths(JsonNode paths, Map<String, Set<String>> wanted) {
        ObjectNode kept = root.objectNode();
        for (Map.Entry<String, JsonNode> item : paths.properties()) {
            Set<String> methods = wanted.get(item.getKey());
            if (methods == null) {
                continue;
            }
            ObjectNode copy = root.objectNode();
            for (Map.Entry<String, JsonNode> field : item.getValue().properties()) {
                if (!METHODS.contains(field.getKey()) || methods.contains(field.getKey())) {
                    copy.set(field.getKey(), field.getValue());
                }
            }
            pending.push(copy);
            kept.set(item.getKey(), copy);
        }
        return kept;
    }

    /** Walks what is kept, keeping each component a {@code $ref} or discriminator mapping names. */
    private void follow() {
        while (!pending.isEmpty() && failure == null) {
            JsonNode node = pending.pop();
            if (node.isObject()) {
                JsonNode ref = node.get("$ref");
                if (ref != null && ref.isTextual()) {
                    reference(ref.asText());
                }
                JsonNode dynamic = node.get("$dynamicRef");
                if (dynamic != null) {
                    failure = "a $dynamicRef is resolved by the whole document";
                }
                JsonNode mapping = node.path("discriminator").path("mapping");
                if (mapping.isObject()) {
                    for (JsonNode target : mapping) {
                        String value = target.asText();
                        if (value.startsWith("#")) {
                            reference(value);
                        } else if (value.contains("/") || value.contains(".") || value.contains("%")) {
                            failure = "discriminator mapping '" + value + "' names another file";
                        } else {
                            keep("schemas", value);
                        }
                    }
                }
                for (JsonNode child : node) {
                    if (child.isContainerNode()) {
                        pending.push(child);
                    }
                }
            } else if (node.isArray()) {
                for (JsonNode child : node) {
                    if (child.isContainerNode()) {
                        pending.push(child);
                    }
                }
            }
        }
    }

    private void reference(String ref) {
        if (!ref.startsWith(COMPONENTS) || ref.indexOf('%') >= 0) {
            failure = "$ref '" + ref + "' does not name a component of this file";
            return;
        }
        String[] tokens = ref.substring(COMPONENTS.length()).split("/", -1);
        if (tokens.length < 2) {
            failure = "$ref '" + ref + "' does not name a component of this file";
            return;
        }
        keep(unescape(tokens[0]), unescape(tokens[1]));
    }

    private void keep(String type, String name) {
        if (kept.computeIfAbsent(type, key -> new LinkedHashSet<>()).add(name) && components != null) {
            JsonNode component = components.path(type).get(name);
            if (component != null && component.isContainerNode()) {
                pending.push(component);
            }
        }
    }

    /** The components kept: each map of named components filtered, every other field as it is. */
    private ObjectNode components() {
        ObjectNode subset = root.objectNode();
        for (Map.Entry<String, JsonNode> field : components.properties()) {
            String type = field.getKey();
            if (type.equals("securitySchemes") || type.startsWith("x-") || !field.getValue().isObject()) {
                subset.set(type, field.getValue());
                continue;
            }
            Set<String> names = kept.getOrDefault(type, Set.of());
            ObjectNode filtered = root.objectNode();
            for (Map.Entry<String, JsonNode> component : field.getValue().properties()) {
                if (names.contains(component.getKey())) {
                    filtered.set(component.getKey(), component.getValue());
                }
            }
            subset.set(type, filtered);
        }
        return subset;
    }

    private Optional<ObjectNode> fail(String why) {
        failure = why;
        return Optional.empty();
    }

    /** A JSON Pointer token unescaped. */
    private static String unescape(String token) {
        return token.replace("~1", "/").replace("~0", "~");
    }

    /** How many components of each kind are kept (for tests). */
    Map<String, List<String>> keptComponents() {
        Map<String, List<String>> all = new LinkedHashMap<>();
        kept.forEach((type, names) -> all.put(type, new ArrayList<>(names)));
        return all;
    }
}
