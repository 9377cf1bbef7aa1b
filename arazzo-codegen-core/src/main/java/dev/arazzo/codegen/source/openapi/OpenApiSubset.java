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
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of an OpenAPI 3.0/3.1 document that the workflows read: the path items of the operations they name
 * (by operationId or operationPath), with only those operations, and the components those reach through
 * {@code $ref}s (followed transitively, discriminator mappings included), every security scheme, and the
 * document's other top-level fields as they are; webhooks and the document's own extensions (its top-level
 * {@code x-} fields, such as GitHub's 600 KB {@code x-webhooks}) are left out: no view reads them, and no
 * {@code $ref} in them is followed.
 *
 * <p>The subset is made only when swagger-parser reads it exactly as it reads the same parts of the whole
 * document; otherwise {@link #of} is empty, with the reason, and the whole document is parsed: a path item that
 * is a {@code $ref}, a {@code $ref} that leaves the file or points anywhere but at a component (for example
 * {@code #/paths/...} or a JSON Schema anchor), a discriminator mapping to another file, a percent-encoded
 * {@code $ref}, and an operation a step names that the document does not define (the diagnostic then suggests
 * names from every operation).
 */
final class OpenApiSubset {

    private static final Pattern QUALIFIED_ID = Pattern.compile("^\\$sourceDescriptions\\.([^.]+)\\.(.+)$");
    private static final Pattern OPERATION_PATH = Pattern.compile("^\\{\\$sourceDescriptions\\.([^.}]+)\\.url\\}#(.*)$");
    private static final String COMPONENTS = "#/components/";
    private static final com.fasterxml.jackson.databind.node.JsonNodeFactory NODES =
            com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;

    /** The subset, or empty with the reason the whole document is to be parsed. */
    record Result(Optional<ObjectNode> subset, String reason) {
    }

    private final OpenApiOutline outline;
    private final Map<String, Set<String>> kept = new HashMap<>();
    private final Deque<JsonNode> pending = new ArrayDeque<>();
    /** The components kept, read. */
    private final Map<String, Map<String, JsonNode>> parts = new HashMap<>();
    private String failure;

    private OpenApiSubset(OpenApiOutline outline) {
        this.outline = outline;
    }

    /**
     * The subset of {@code document} (the tree swagger-parser reads) that the steps asking {@code demand} of the
     * source {@code name} read, or empty with the reason the whole document must be parsed.
     */
    static Result of(JsonNode document, String name, OperationDemand demand) {
        Optional<OpenApiOutline> outline = OpenApiOutline.of(document);
        if (outline.isEmpty()) {
            return new Result(Optional.empty(), "it is not an object with an object of paths");
        }
        return of(outline.get(), name, demand);
    }

    /** The subset of the outlined document that the steps asking {@code demand} of the source {@code name} read. */
    static Result of(OpenApiOutline outline, String name, OperationDemand demand) {
        if (demand.all()) {
            return new Result(Optional.empty(), "every operation is asked for");
        }
        OpenApiSubset subset = new OpenApiSubset(outline);
        Optional<ObjectNode> pruned;
        try {
            pruned = subset.prune(name, demand);
        } catch (java.io.UncheckedIOException e) {
            return new Result(Optional.empty(), "a part could not be read (" + e.getMessage() + ")");
        }
        return new Result(pruned, subset.failure == null ? "" : subset.failure);
    }

    private Optional<ObjectNode> prune(String name, OperationDemand demand) {
        for (Map.Entry<String, OpenApiOutline.PathItem> item : outline.paths.entrySet()) {
            if (item.getValue().reference()) {
                return fail("path item '" + item.getKey() + "' is a $ref");
            }
            if (item.getValue().problem() != null) {
                return fail("path item '" + item.getKey() + "': " + item.getValue().problem());
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
            for (Map.Entry<String, OpenApiOutline.PathItem> item : outline.paths.entrySet()) {
                for (Map.Entry<String, String> operation : item.getValue().operationIds().entrySet()) {
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
            OpenApiOutline.PathItem item = outline.paths.get(path);
            Set<String> methods = item == null ? Set.of() : item.operationIds().keySet();
            if (tokens.length == 3) {
                if (item != null) {
                    wanted.computeIfAbsent(path, key -> new LinkedHashSet<>()).addAll(methods);
                }
                continue;
            }
            String method = tokens.length == 4 ? tokens[3].toLowerCase(Locale.ROOT) : null;
            if (method != null && methods.contains(method)) {
                wanted.computeIfAbsent(path, key -> new LinkedHashSet<>()).add(method);
            } else if (ours) {
                return fail("operationPath '" + written + "' names no operation of the document");
            }
        }
        ObjectNode subset = NODES.objectNode();
        for (String field : outline.order) {
            switch (field) {
                case "paths" -> subset.set("paths", paths(wanted));
                case "webhooks" -> {
                }
                case "components" -> subset.set("components", outline.hasComponents ? NODES.objectNode()
                        : outline.fields.get(field).get()); // filled in below
                default -> {
                    if (!field.startsWith("x-")) {
                        subset.set(field, outline.fields.get(field).get());
                    }
                }
            }
        }
        Map<String, Supplier<JsonNode>> schemes = outline.components.getOrDefault("securitySchemes", Map.of());
        schemes.keySet().forEach(scheme -> keep("securitySchemes", scheme));
        follow();
        if (failure != null) {
            return Optional.empty();
        }
        if (outline.hasComponents) {
            subset.set("components", components());
        }
        return Optional.of(subset);
    }

    private ObjectNode paths(Map<String, Set<String>> wanted) {
        ObjectNode kept = NODES.objectNode();
        for (Map.Entry<String, OpenApiOutline.PathItem> item : outline.paths.entrySet()) {
            Set<String> methods = wanted.get(item.getKey());
            if (methods == null) {
                continue;
            }
            ObjectNode copy = NODES.objectNode();
            for (Map.Entry<String, JsonNode> field : item.getValue().node().get().properties()) {
                if (!OpenApiOutline.METHODS.contains(field.getKey()) || methods.contains(field.getKey())) {
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
        Map<String, Supplier<JsonNode>> named = outline.components.get(type);
        if (kept.computeIfAbsent(type, key -> new LinkedHashSet<>()).add(name) && named != null
                && named.containsKey(name)) {
            JsonNode component = named.get(name).get();
            parts.computeIfAbsent(type, key -> new HashMap<>()).put(name, component);
            if (component != null && component.isContainerNode()) {
                pending.push(component);
            }
        }
    }

    /** The components kept: each map of named components filtered, in document order; other fields as they are. */
    private ObjectNode components() {
        ObjectNode subset = NODES.objectNode();
        for (Map.Entry<String, Map<String, Supplier<JsonNode>>> kind : outline.components.entrySet()) {
            ObjectNode filtered = NODES.objectNode();
            Map<String, JsonNode> read = parts.getOrDefault(kind.getKey(), Map.of());
            for (String component : kind.getValue().keySet()) {
                if (read.containsKey(component)) {
                    filtered.set(component, read.get(component));
                }
            }
            subset.set(kind.getKey(), filtered);
        }
        outline.componentFields.forEach((field, value) -> subset.set(field, value.get()));
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
