package dev.arazzo.codegen.source.asyncapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arazzo.codegen.source.SchemaView;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An AsyncAPI (JSON Schema) schema seen as a {@link SchemaView}; {@link Views} hands out one per node, so
 * that views compare by identity. Only {@code $ref}s inside the document are followed.
 */
final class JsonSchemaView implements SchemaView {

    /** The views of one document's schemas. */
    static final class Views {
        private final JsonNode root;
        private final Map<JsonNode, JsonSchemaView> views = new IdentityHashMap<>();

        Views(JsonNode root) {
            this.root = root;
        }

        SchemaView of(JsonNode node) {
            return node == null || !node.isObject() ? null : views.computeIfAbsent(node, n -> new JsonSchemaView(n, this));
        }

        JsonNode target(String ref) {
            if (ref == null || !ref.startsWith("#")) {
                return null;
            }
            JsonNode target = root.at(AsyncApiReader.decode(ref.substring(1)));
            return target.isMissingNode() ? null : target;
        }
    }

    private final JsonNode node;
    private final Views views;

    private JsonSchemaView(JsonNode node, Views views) {
        this.node = node;
        this.views = views;
    }

    @Override
    public SchemaView resolved() {
        JsonNode current = node;
        for (int depth = 0; current != null && current.path("$ref").isTextual(); depth++) {
            if (depth == 32) {
                return null;
            }
            current = views.target(current.path("$ref").asText());
        }
        return views.of(current);
    }

    @Override
    public String ref() {
        return node.path("$ref").isTextual() ? node.path("$ref").asText() : null;
    }

    @Override
    public String lastRef() {
        String last = null;
        JsonNode current = node;
        for (int depth = 0; current != null && current.path("$ref").isTextual() && depth < 32; depth++) {
            last = current.path("$ref").asText();
            current = views.target(last);
        }
        return last;
    }

    @Override
    public String type() {
        JsonNode type = node.path("type");
        if (type.isTextual()) {
            return type.asText();
        }
        if (type.isArray()) {
            for (JsonNode each : type) {
                if (each.isTextual() && !"null".equals(each.asText())) {
                    return each.asText();
                }
            }
        }
        return node.path("properties").isObject() ? "object" : null;
    }

    @Override
    public String format() {
        return text("format");
    }

    @Override
    public String description() {
        return text("description");
    }

    @Override
    public Map<String, SchemaView> properties() {
        JsonNode properties = node.path("properties");
        if (!properties.isObject()) {
            return null;
        }
        Map<String, SchemaView> views = new LinkedHashMap<>();
        properties.properties().forEach(e -> {
            SchemaView view = this.views.of(e.getValue());
            if (view != null) {
                views.put(e.getKey(), view);
            }
        });
        return views;
    }

    @Override
    public List<String> required() {
        List<String> required = new ArrayList<>();
        node.path("required").forEach(n -> {
            if (n.isTextual()) {
                required.add(n.asText());
            }
        });
        return required;
    }

    @Override
    public SchemaView items() {
        return views.of(node.get("items"));
    }

    @Override
    public SchemaView additionalProperties() {
        return views.of(node.get("additionalProperties"));
    }

    @Override
    public List<SchemaView> allOf() {
        if (!node.path("allOf").isArray()) {
            return null;
        }
        List<SchemaView> parts = new ArrayList<>();
        node.path("allOf").forEach(n -> parts.add(views.of(n)));
        return parts;
    }

    @Override
    public boolean combines() {
        return node.has("allOf") || node.has("oneOf") || node.has("anyOf");
    }

    private String text(String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.asText() : null;
    }
}
