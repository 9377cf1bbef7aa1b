package dev.arazzo.codegen.source.openapi;

import dev.arazzo.codegen.source.SchemaView;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A swagger-parser schema seen as a {@link SchemaView}; {@link Views} hands out one per schema. */
final class OpenApiSchema implements SchemaView {

    /** The views of one document's schemas, one per schema object. */
    static final class Views {
        private final OpenAPI openApi;
        private final Map<Schema<?>, OpenApiSchema> views = new IdentityHashMap<>();

        Views(OpenAPI openApi) {
            this.openApi = openApi;
        }

        SchemaView of(Schema<?> schema) {
            return schema == null ? null : views.computeIfAbsent(schema, s -> new OpenApiSchema(s, this));
        }

        private Schema<?> component(String ref) {
            String name = ref.substring(ref.lastIndexOf('/') + 1);
            return openApi.getComponents() == null || openApi.getComponents().getSchemas() == null
                    ? null
                    : openApi.getComponents().getSchemas().get(name);
        }
    }

    private final Schema<?> schema;
    private final Views views;

    private OpenApiSchema(Schema<?> schema, Views views) {
        this.schema = schema;
        this.views = views;
    }

    @Override
    public SchemaView resolved() {
        Schema<?> current = schema;
        for (int depth = 0; current != null && current.get$ref() != null && depth < 32; depth++) {
            current = views.component(current.get$ref());
        }
        return views.of(current);
    }

    @Override
    public String ref() {
        return schema.get$ref();
    }

    @Override
    public String lastRef() {
        Schema<?> current = schema;
        String ref = schema.get$ref();
        for (int depth = 0; current != null && current.get$ref() != null && depth < 32; depth++) {
            ref = current.get$ref();
            current = views.component(ref);
        }
        return ref;
    }

    @Override
    public String type() {
        if (schema.getType() != null) {
            return schema.getType();
        }
        Set<String> types = schema.getTypes();
        if (types != null) {
            return types.stream().filter(t -> !"null".equals(t)).findFirst().orElse(null);
        }
        return schema.getProperties() != null ? "object" : null;
    }

    @Override
    public String format() {
        return schema.getFormat();
    }

    @Override
    public String contentMediaType() {
        return schema.getContentMediaType();
    }

    @Override
    public String contentEncoding() {
        return schema.getContentEncoding();
    }

    @Override
    public String description() {
        return schema.getDescription();
    }

    @Override
    public Map<String, SchemaView> properties() {
        if (schema.getProperties() == null) {
            return null;
        }
        Map<String, SchemaView> properties = new LinkedHashMap<>();
        schema.getProperties().forEach((name, property) -> properties.put(name, views.of(property)));
        return properties;
    }

    @Override
    public List<String> required() {
        return schema.getRequired() == null ? List.of() : List.copyOf(schema.getRequired());
    }

    @Override
    public SchemaView items() {
        return views.of(schema.getItems());
    }

    @Override
    public SchemaView additionalProperties() {
        return schema.getAdditionalProperties() instanceof Schema<?> additional ? views.of(additional) : null;
    }

    @Override
    public List<SchemaView> allOf() {
        return schema.getAllOf() == null ? null : schema.getAllOf().stream().map(views::of).toList();
    }

    @Override
    public boolean combines() {
        return schema.getAllOf() != null || schema.getOneOf() != null || schema.getAnyOf() != null;
    }

    @Override
    public String toString() {
        return schema.get$ref() != null ? "$ref " + schema.get$ref() : "schema of type " + type();
    }
}
