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
import dev.arazzo.codegen.source.SchemaView;
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
 * <tr><td>string, format binary, or with contentMediaType / contentEncoding</td><td>byte[]</td>
 * <td>String</td></tr>
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

    /**
     * The type of a constant output: {@code String}, {@code Boolean}, {@code Integer} or {@code Long} (an
     * integral number of that range), {@code Double} (another number a double holds exactly enough:
     * finite), else {@code JsonNode}.
     */
    public static TypeName constantType(JsonNode value) {
        if (value.isTextual()) {
            return ClassName.get(String.class);
        }
        if (value.isBoolean()) {
            return ClassName.get(Boolean.class);
        }
        if (value.isIntegralNumber() && value.canConvertToInt()) {
            return ClassName.get(Integer.class);
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return ClassName.get(Long.class);
        }
        if (value.isNumber() && !value.isIntegralNumber() && Double.isFinite(value.doubleValue())) {
            return ClassName.get(Double.class);
        }
        return JSON_NODE;
    }

    public static final ClassName JSON_NODE = ClassName.get("com.fasterxml.jackson.databind", "JsonNode");
    private static final ClassName STRING = ClassName.get(String.class);
    private static final ClassName LIST = ClassName.get(List.class);
    private static final ClassName MAP = ClassName.get(Map.class);

    private final ClassName owner;
    private final NameAllocator nestedNames;
    private final JsonNode document;
    private final Map<String, TypeName> inputRefs = new LinkedHashMap<>();
    private final Map<SchemaView, TypeName> componentSchemas = new IdentityHashMap<>();
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
            case "string" -> isBinary(schema) ? BodyBuilder.BYTES : stringType(format);
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
        Iterator<Map.Entry<String, JsonNode>> fields = schema.path("properties").properties().iterator();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> property = fields.next();
            JsonNode resolved = dereference(property.getValue());
            String name = JavaNames.newName(names, JavaNames.camel(property.getKey()));
            properties.add(new InputModel(property.getKey(), name,
                    input(property.getValue(), property.getKey()),
                    required.contains(property.getKey()),
                    resolved == null ? null : resolved.path("description").asText(null)));
        }
        return properties;
    }

    /** A scope for the names of record components, without the names of the methods records have. */
    public static NameAllocator componentNames() {
        NameAllocator names = new NameAllocator();
        NameScope.Kind.COMPONENTS.reserved().forEach(reserved -> names.newName(reserved, reserved));
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
                values.add(new EnumConstant(JavaNames.newName(constants, JavaNames.constant(value.asText())),
                        value.asText()));
            }
        }
        types.add(new EnumModel(name, schema.path("description").asText(null), values));
        return name;
    }

    private ClassName declare(String suggestedName) {
        return owner.nestedClass(JavaNames.typeName(nestedNames, JavaNames.pascal(suggestedName)));
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

    /**
     * Whether an input's string schema holds bytes, which a file part or a binary body sends:
     * {@code format: binary} (OpenAPI 3.0) or {@code contentMediaType}/{@code contentEncoding} (JSON Schema
     * 2020-12, OpenAPI 3.1).
     */
    private static boolean isBinary(JsonNode schema) {
        return "binary".equals(schema.path("format").asText("")) || schema.path("contentMediaType").isTextual()
                || schema.path("contentEncoding").isTextual();
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
    public TypeName output(SchemaView schema, String suggestedName) {
        if (schema == null) {
            return JSON_NODE;
        }
        SchemaView resolved = schema.resolved();
        if (resolved == null) {
            return JSON_NODE;
        }
        if (isComponentRecord(resolved)) {
            TypeName known = componentSchemas.get(resolved);
            if (known != null) {
                return known;
            }
            String ref = schema.ref() != null ? schema.lastRef() : suggestedName;
            ClassName name = declare(ref.substring(ref.lastIndexOf('/') + 1));
            componentSchemas.put(resolved, name); // before the properties: a schema may refer to itself
            int index = types.size();
            types.add(null);
            types.set(index, new RecordModel(name, resolved.description(), outputProperties(resolved), false));
            return name;
        }
        String type = resolved.type();
        String format = resolved.format() == null ? "" : resolved.format();
        return switch (type == null ? "" : type) {
            case "string" -> stringType(format);
            case "integer" -> integerType(format);
            case "number" -> numberType(format);
            case "boolean" -> ClassName.get(Boolean.class);
            case "array" -> ParameterizedTypeName.get(LIST, output(resolved.items(), element(suggestedName)));
            case "object" -> resolved.additionalProperties() != null
                    && (resolved.properties() == null || resolved.properties().isEmpty())
                    ? ParameterizedTypeName.get(MAP, STRING, output(resolved.additionalProperties(), suggestedName + "Value"))
                    : JSON_NODE;
            default -> JSON_NODE;
        };
    }

    private List<InputModel> outputProperties(SchemaView schema) {
        List<InputModel> properties = new ArrayList<>();
        NameAllocator names = componentNames();
        Set<String> required = Set.copyOf(schema.required());
        for (Map.Entry<String, SchemaView> property : schema.properties().entrySet()) {
            SchemaView value = property.getValue();
            SchemaView resolved = value == null ? null : value.resolved();
            String name = JavaNames.newName(names, JavaNames.camel(property.getKey()));
            properties.add(new InputModel(property.getKey(), name,
                    output(value, property.getKey()), required.contains(property.getKey()),
                    resolved == null ? null : resolved.description()));
        }
        return properties;
    }

    /** An object with properties and nothing that combines schemas: a record can hold what it describes. */
    private static boolean isComponentRecord(SchemaView schema) {
        String type = schema.type();
        return (type == null || type.equals("object")) && schema.properties() != null
                && !schema.properties().isEmpty() && !schema.combines() && schema.additionalProperties() == null;
    }
}
