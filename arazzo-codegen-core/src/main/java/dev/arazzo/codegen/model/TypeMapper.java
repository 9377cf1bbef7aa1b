package dev.arazzo.codegen.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.arazzo.codegen.model.WorkflowModel.EnumConstant;
import dev.arazzo.codegen.model.WorkflowModel.EnumModel;
import dev.arazzo.codegen.model.WorkflowModel.InputModel;
import dev.arazzo.codegen.model.WorkflowModel.RecordModel;
import dev.arazzo.codegen.model.WorkflowModel.TypeModel;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Maps JSON Schema (workflow inputs) and OpenAPI schemas (response bodies) to Java types, declaring
 * the records and enums they need inside one workflow class.
 *
 * <table>
 * <caption>The mapping</caption>
 * <tr><th>schema</th><th>inputs</th><th>responses</th></tr>
 * <tr><td>string</td><td>String</td><td>String</td></tr>
 * <tr><td>string, format date-time / date / uuid</td><td>OffsetDateTime / LocalDate / UUID</td><td>the same</td></tr>
 * <tr><td>string with enum</td><td>an enum keeping the JSON values</td><td>String: servers add values</td></tr>
 * <tr><td>integer (int32) / int64</td><td>Integer / Long</td><td>the same</td></tr>
 * <tr><td>number / float / double</td><td>Double / Float / Double</td><td>the same</td></tr>
 * <tr><td>boolean</td><td>Boolean</td><td>Boolean</td></tr>
 * <tr><td>array</td><td>List of the items' type</td><td>the same</td></tr>
 * <tr><td>object with properties</td><td>a record (named after the property, or the component
 * of a {@code $ref})</td><td>a record for a named component schema, else JsonNode</td></tr>
 * <tr><td>object with only additionalProperties</td><td>Map&lt;String, T&gt;</td><td>the same</td></tr>
 * <tr><td>anything else</td><td>JsonNode</td><td>JsonNode</td></tr>
 * </table>
 */
public final class TypeMapper {

    public static final ClassName JSON_NODE = ClassName.get("com.fasterxml.jackson.databind", "JsonNode");
    private static final ClassName STRING = ClassName.get(String.class);
    private static final ClassName LIST = ClassName.get(List.class);
    private static final ClassName MAP = ClassName.get(Map.class);

    /** The names a record component cannot take: methods every generated record has. */
    private static final Set<String> RESERVED_COMPONENTS = Set.of("builder", "toJson", "fromJson", "toString",
            "hashCode", "equals", "getClass", "notify", "notifyAll", "wait", "clone", "finalize");

    private final ClassName owner;
    private final NameAllocator nestedNames;
    private final JsonNode document;
    private final Map<String, TypeName> inputRefs = new LinkedHashMap<>();
    private final Map<Schema<?>, TypeName> componentSchemas = new IdentityHashMap<>();
    private final List<TypeModel> types = new ArrayList<>();

    /**
     * A mapper declaring its types inside {@code owner}, naming them through {@code nestedNames} (the
     * nested-type scope of {@code owner}); {@code document} is the Arazzo document whose
     * {@code components/inputs} input {@code $ref}s name.
     */
    public TypeMapper(ClassName owner, NameAllocator nestedNames, JsonNode document) {
        this.owner = owner;
        this.nestedNames = nestedNames;
        this.document = document;
    }

    /** The records and enums declared so far, in the order first met. */
    public List<TypeModel> types() {
        return List.copyOf(types);
    }

    /** The schema a {@code $ref} into this document names, followed to the end; the schema itself otherwise. */
    public JsonNode dereference(JsonNode schema) {
        JsonNode current = schema;
        for (int depth = 0; current != null && isRef(current) && depth < 32; depth++) {
            JsonNode target = document.at(current.get("$ref").asText().substring(1));
            current = target.isMissingNode() ? null : target;
        }
        return current;
    }

    private static boolean isRef(JsonNode schema) {
        return schema.isObject() && schema.path("$ref").isTextual() && schema.get("$ref").asText().startsWith("#/");
    }

    /**
     * The Java type of a JSON Schema in a workflow's {@code inputs}; {@code suggestedName} names the
     * record or enum it may need, unless a {@code $ref} names it.
     */
    public TypeName input(JsonNode schema, String suggestedName) {
        if (schema == null || !schema.isObject()) {
            return JSON_NODE;
        }
        if (isRef(schema)) {
            String ref = schema.get("$ref").asText();
            TypeName known = inputRefs.get(ref);
            if (known != null) {
                return known;
            }
            JsonNode target = document.at(ref.substring(1));
            if (target.isMissingNode()) {
                return JSON_NODE; // reported by the reader
            }
            String component = ref.substring(ref.lastIndexOf('/') + 1).replace("~1", "/").replace("~0", "~");
            if (isRef(target)) {
                TypeName type = input(target, component);
                inputRefs.put(ref, type);
                return type;
            }
            if (isRecord(target) || isStringEnum(target)) {
                ClassName name = declare(component);
                inputRefs.put(ref, name); // before the properties: a schema may refer to itself
                return isRecord(target) ? inputRecord(name, target) : enumType(name, target);
            }
            TypeName type = input(target, component);
            inputRefs.put(ref, type);
            return type;
        }
        if (isRecord(schema)) {
            return inputRecord(declare(suggestedName), schema);
        }
        if (isStringEnum(schema)) {
            return enumType(declare(suggestedName), schema);
        }
        String type = schemaType(schema.get("type"));
        String format = schema.path("format").asText("");
        return switch (type == null ? "" : type) {
            case "string" -> stringType(format);
            case "integer" -> integerType(format);
            case "number" -> numberType(format);
            case "boolean" -> ClassName.get(Boolean.class);
            case "array" -> ParameterizedTypeName.get(LIST, input(schema.get("items"), element(suggestedName)));
            case "object" -> {
                JsonNode additional = schema.get("additionalProperties");
                if (additional != null && additional.isObject()) {
                    yield ParameterizedTypeName.get(MAP, STRING, input(additional, suggestedName + "Value"));
                }
                yield JSON_NODE;
            }
            default -> JSON_NODE;
        };
    }

    /** The name of the element type of an array named {@code name}: {@code lines} -> {@code line}, else {@code xItem}. */
    static String element(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith("ies") && name.length() > 3) {
            return name.substring(0, name.length() - 3) + "y";
        }
        if (lower.endsWith("sses") || lower.endsWith("shes") || lower.endsWith("ches") || lower.endsWith("xes")) {
            return name.substring(0, name.length() - 2);
        }
        if (lower.endsWith("s") && !lower.endsWith("ss") && name.length() > 1) {
            return name.substring(0, name.length() - 1);
        }
        return name + "Item";
    }

    /**
     * The properties of an input object schema, in its order, as record components named in
     * {@code names}; the records and enums they need are named after them.
     */
    public List<InputModel> inputProperties(JsonNode schema, NameAllocator names) {
        List<InputModel> properties = new ArrayList<>();
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        Iterator<Map.Entry<String, JsonNode>> fields = schema.path("properties").fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> property = fields.next();
            JsonNode resolved = dereference(property.getValue());
            properties.add(new InputModel(property.getKey(), names.newName(JavaNames.camel(property.getKey())),
                    input(property.getValue(), property.getKey()),
                    required.contains(property.getKey()),
                    resolved == null ? null : resolved.path("description").asText(null)));
        }
        return properties;
    }

    /** A scope for the names of record components, without the names of the methods records have. */
    public static NameAllocator componentNames() {
        NameAllocator names = new NameAllocator();
        RESERVED_COMPONENTS.forEach(reserved -> names.newName(reserved, reserved));
        return names;
    }

    private ClassName inputRecord(ClassName name, JsonNode schema) {
        int index = types.size();
        types.add(null); // keeps the order first met while the properties declare their own types
        types.set(index, new RecordModel(name, schema.path("description").asText(null),
                inputProperties(schema, componentNames()), true));
        return name;
    }

    private ClassName enumType(ClassName name, JsonNode schema) {
        NameAllocator constants = new NameAllocator();
        List<EnumConstant> values = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode value : schema.get("enum")) {
            if (value.isTextual() && seen.add(value.asText())) {
                values.add(new EnumConstant(constants.newName(JavaNames.constant(value.asText())), value.asText()));
            }
        }
        types.add(new EnumModel(name, schema.path("description").asText(null), values));
        return name;
    }

    private ClassName declare(String suggestedName) {
        return owner.nestedClass(nestedNames.newName(JavaNames.pascal(suggestedName)));
    }

    private static boolean isRecord(JsonNode schema) {
        String type = schemaType(schema.get("type"));
        return (type == null || type.equals("object")) && schema.path("properties").isObject()
                && schema.path("properties").size() > 0;
    }

    /** A string schema (or one without a type) whose enum lists strings only, besides null. */
    private static boolean isStringEnum(JsonNode schema) {
        String type = schemaType(schema.get("type"));
        JsonNode values = schema.get("enum");
        if ((type != null && !type.equals("string")) || values == null || !values.isArray()) {
            return false;
        }
        boolean any = false;
        for (JsonNode value : values) {
            if (value.isTextual()) {
                any = true;
            } else if (!value.isNull()) {
                return false;
            }
        }
        return any;
    }

    private static TypeName stringType(String format) {
        return switch (format) {
            case "date-time" -> ClassName.get(OffsetDateTime.class);
            case "date" -> ClassName.get(LocalDate.class);
            case "uuid" -> ClassName.get(UUID.class);
            default -> STRING;
        };
    }

    private static TypeName integerType(String format) {
        return "int64".equals(format) ? ClassName.get(Long.class) : ClassName.get(Integer.class);
    }

    private static TypeName numberType(String format) {
        return "float".equals(format) ? ClassName.get(Float.class) : ClassName.get(Double.class);
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

    /**
     * The Java type of an OpenAPI schema (3.0 {@code type} or 3.1 {@code types}) that a response value
     * has. An object schema with properties becomes a record, named after its component when it is a
     * {@code $ref}, else after {@code suggestedName} (the output or property that holds it); objects
     * that combine schemas stay JsonNode, and string enums String, so that a server can send more than
     * its description says.
     */
    public TypeName output(Schema<?> schema, OpenAPI openApi, String suggestedName) {
        if (schema == null) {
            return JSON_NODE;
        }
        Schema<?> resolved = follow(schema, openApi);
        if (resolved == null) {
            return JSON_NODE;
        }
        if (isComponentRecord(resolved)) {
            TypeName known = componentSchemas.get(resolved);
            if (known != null) {
                return known;
            }
            String ref = schema.get$ref() != null ? lastRef(schema, openApi) : suggestedName;
            ClassName name = declare(ref.substring(ref.lastIndexOf('/') + 1));
            componentSchemas.put(resolved, name); // before the properties: a schema may refer to itself
            int index = types.size();
            types.add(null);
            types.set(index, new RecordModel(name, resolved.getDescription(), outputProperties(resolved, openApi), false));
            return name;
        }
        String type = openApiType(resolved);
        String format = resolved.getFormat() == null ? "" : resolved.getFormat();
        return switch (type == null ? "" : type) {
            case "string" -> stringType(format);
            case "integer" -> integerType(format);
            case "number" -> numberType(format);
            case "boolean" -> ClassName.get(Boolean.class);
            case "array" -> ParameterizedTypeName.get(LIST, output(resolved.getItems(), openApi, element(suggestedName)));
            case "object" -> resolved.getAdditionalProperties() instanceof Schema<?> additional
                    && (resolved.getProperties() == null || resolved.getProperties().isEmpty())
                    ? ParameterizedTypeName.get(MAP, STRING, output(additional, openApi, suggestedName + "Value"))
                    : JSON_NODE;
            default -> JSON_NODE;
        };
    }

    private List<InputModel> outputProperties(Schema<?> schema, OpenAPI openApi) {
        List<InputModel> properties = new ArrayList<>();
        NameAllocator names = componentNames();
        Set<String> required = schema.getRequired() == null ? Set.of() : Set.copyOf(schema.getRequired());
        for (Map.Entry<String, Schema> property : schema.getProperties().entrySet()) {
            Schema<?> value = property.getValue();
            Schema<?> resolved = follow(value, openApi);
            properties.add(new InputModel(property.getKey(), names.newName(JavaNames.camel(property.getKey())),
                    output(value, openApi, property.getKey()), required.contains(property.getKey()),
                    resolved == null ? null : resolved.getDescription()));
        }
        return properties;
    }

    /** An object with properties and nothing that combines schemas: a record can hold what it describes. */
    private static boolean isComponentRecord(Schema<?> schema) {
        String type = openApiType(schema);
        return (type == null || type.equals("object")) && schema.getProperties() != null
                && !schema.getProperties().isEmpty() && schema.getAllOf() == null && schema.getOneOf() == null
                && schema.getAnyOf() == null && !(schema.getAdditionalProperties() instanceof Schema<?>);
    }

    private static String lastRef(Schema<?> schema, OpenAPI openApi) {
        Schema<?> current = schema;
        String ref = schema.get$ref();
        for (int depth = 0; current != null && current.get$ref() != null && depth < 32; depth++) {
            ref = current.get$ref();
            current = component(ref, openApi);
        }
        return ref;
    }

    /**
     * The schema a JSON Pointer lands on inside {@code schema}; empty when the schema says the pointer
     * cannot exist, or cannot tell.
     */
    public static Optional<Schema<?>> at(Schema<?> schema, String pointer, OpenAPI openApi) {
        Schema<?> current = follow(schema, openApi);
        if (pointer.isEmpty()) {
            return current == null ? Optional.empty() : Optional.of(schema);
        }
        String[] tokens = pointer.substring(1).split("/", -1);
        Schema<?> landed = null;
        for (String raw : tokens) {
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
            landed = next;
            current = follow(next, openApi);
        }
        // the schema as written where the pointer lands, so that a $ref there still names its component
        return current == null ? Optional.empty() : Optional.of(landed);
    }

    /** Follows {@code $ref} to a component schema. */
    public static Schema<?> follow(Schema<?> schema, OpenAPI openApi) {
        Schema<?> current = schema;
        for (int depth = 0; current != null && current.get$ref() != null && depth < 32; depth++) {
            current = component(current.get$ref(), openApi);
        }
        return current;
    }

    private static Schema<?> component(String ref, OpenAPI openApi) {
        String name = ref.substring(ref.lastIndexOf('/') + 1);
        return openApi.getComponents() == null || openApi.getComponents().getSchemas() == null
                ? null
                : openApi.getComponents().getSchemas().get(name);
    }

    /**
     * The JSON type an OpenAPI schema gives its values: 3.0 {@code type}, or the first non-null of 3.1
     * {@code types}; "object" for an untyped schema with properties; null when it does not say.
     */
    public static String openApiType(Schema<?> schema) {
        if (schema.getType() != null) {
            return schema.getType();
        }
        Set<String> types = schema.getTypes();
        if (types != null) {
            return types.stream().filter(t -> !"null".equals(t)).findFirst().orElse(null);
        }
        return schema.getProperties() != null ? "object" : null;
    }

    /** The schema of the JSON media type of a request or response body ({@code *}{@code /*} too), or null. */
    public static Schema<?> jsonSchema(Content content) {
        if (content == null) {
            return null;
        }
        for (Map.Entry<String, MediaType> media : content.entrySet()) {
            String type = media.getKey().toLowerCase(Locale.ROOT);
            if ((type.contains("json") || type.equals("*/*")) && media.getValue() != null
                    && media.getValue().getSchema() != null) {
                return media.getValue().getSchema();
            }
        }
        return null;
    }
}
