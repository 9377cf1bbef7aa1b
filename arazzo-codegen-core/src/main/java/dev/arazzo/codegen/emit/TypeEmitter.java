package dev.arazzo.codegen.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.arazzo.codegen.model.TypeMapper;
import dev.arazzo.codegen.model.WorkflowModel.EnumConstant;
import dev.arazzo.codegen.model.WorkflowModel.EnumModel;
import dev.arazzo.codegen.model.WorkflowModel.InputModel;
import dev.arazzo.codegen.model.WorkflowModel.RecordModel;
import dev.arazzo.codegen.model.WorkflowModel.TypeModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javax.lang.model.element.Modifier;

/**
 * Emits the records and enums of a workflow's schemas, and the {@code Inputs} record, as nested types
 * of the workflow class. Every one writes itself as JSON ({@code toJson()}, through the runtime's
 * {@code JsonValue}) and is read from JSON by a static {@code fromJson}: no reflection over them.
 *
 * <pre>{@code
 * public record Address(String street, List<String> lines) implements JsonValue {
 *     public Address {
 *         Objects.requireNonNull(street, "property 'street' of Address is required");
 *         lines = Values.copyOf(lines);
 *     }
 *     public static Builder builder() { ... }
 *     public ObjectNode toJson() { return Values.object("street", street, "lines", lines); }
 *     static Address fromJson(JsonNode json) { ... }
 *     public static final class Builder { ... }
 * }
 * }</pre>
 */
final class TypeEmitter {

    private static final ClassName OBJECT_NODE = ClassName.get("com.fasterxml.jackson.databind.node", "ObjectNode");
    private static final ClassName STRING = ClassName.get(String.class);

    private final ClassName values;
    private final ClassName jsonValue;

    TypeEmitter(RuntimeTypes runtime) {
        this.values = runtime.values();
        this.jsonValue = runtime.jsonValue();
    }

    TypeSpec type(TypeModel type) {
        if (type instanceof RecordModel record) {
            CodeBlock doc = CodeBlock.of("$L\n", record.description() == null
                    ? (record.input() ? "An object of the workflow's inputs."
                            : "An object of a response, as its schema describes it.")
                    : Javadocs.escape(record.description()));
            return record(record.name(), doc, record.properties(), record.input(),
                    property -> "property '" + property.name() + "' of " + record.name().simpleName() + " is required");
        }
        return enumType((EnumModel) type);
    }

    /**
     * A record of {@code components}; an {@code input} record checks its required components (with
     * the message {@code required} gives) and has a builder.
     */
    TypeSpec record(ClassName name, CodeBlock doc, List<InputModel> components, boolean input,
            Function<InputModel, String> required) {
        MethodSpec.Builder compact = MethodSpec.compactConstructorBuilder().addModifiers(Modifier.PUBLIC);
        MethodSpec.Builder canonical = MethodSpec.constructorBuilder();
        CodeBlock.Builder javadoc = CodeBlock.builder().add(doc);
        CodeBlock.Builder parameters = CodeBlock.builder();
        List<CodeBlock> json = new ArrayList<>();
        List<CodeBlock> read = new ArrayList<>();
        for (InputModel component : components) {
            canonical.addParameter(component.type(), component.javaName());
            String text = component.description() == null
                    ? "{@code " + Javadocs.escape(component.name()) + "}"
                    : Javadocs.escape(component.description());
            // a blank line before the first @param; the first by identity, not equals (a record's equals is
            // linked through ObjectMethods on its first call: milliseconds in a cold generation)
            String lead = component == components.get(0) ? "\n" : "";
            javadoc.add("$L@param $N $L$L\n", lead, component.javaName(), text,
                    component.required() ? " (required)" : "");
            parameters.add("$L@param $N $L$L\n", lead, component.javaName(), text,
                    component.required() ? " (required)" : "");
            if (input && component.required()) {
                compact.addStatement("$T.requireNonNull($N,$W$L)", Objects.class, component.javaName(),
                        Literals.string(required.apply(component)));
            }
            copyCollection(compact, component.type(), component.javaName());
            json.add(CodeBlock.of("$L, $N", Literals.string(component.name()), component.javaName()));
            CodeBlock member = CodeBlock.of("object.path($L)", Literals.string(component.name()));
            // a response member that does not match its schema reads as null: a run fails only on what it reads
            boolean exact = input || component.type().equals(STRING) || component.type().equals(TypeMapper.JSON_NODE);
            read.add(exact ? reader(component.type(), member)
                    : CodeBlock.of("$T.tolerant($L, $L)", values, member, readerFunction(component.type())));
        }
        TypeSpec.Builder record = TypeSpec.recordBuilder(name)
                .addModifiers(Modifier.PUBLIC)
                .addSuperinterface(jsonValue)
                .addJavadoc(javadoc.build())
                .recordConstructor(canonical.build());
        MethodSpec compactConstructor = compact.build();
        if (!compactConstructor.code().isEmpty()) {
            record.addMethod(compactConstructor.toBuilder()
                    .addJavadoc(input ? "Checks that the required components are set; copies lists and maps\n"
                            + "(an immutable one, such as {@code List.of}'s, is kept as it is).\n"
                            : "Copies lists and maps into unmodifiable ones (an immutable one is kept as it is).\n")
                    .addJavadoc(parameters.build())
                    .build());
        }
        if (input) {
            record.addMethod(MethodSpec.methodBuilder("builder")
                    .addJavadoc("Starts building {@link $T}.\n\n@return a builder with nothing set\n", name)
                    .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                    .returns(name.nestedClass("Builder"))
                    .addStatement("return new $T()", name.nestedClass("Builder"))
                    .build());
        }
        record.addMethod(toJson(json));
        record.addMethod(fromJson(name, read, input));
        if (input) {
            record.addType(builder(name, components));
        }
        return record.build();
    }

    private MethodSpec toJson(List<CodeBlock> members) {
        return MethodSpec.methodBuilder("toJson")
                .addJavadoc("This value as a JSON object.\n\n"
                        + "@return the object; components that are null are left out\n")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(OBJECT_NODE)
                .addStatement(members.isEmpty() ? CodeBlock.of("return $T.object()", values)
                        : CodeBlock.of("return $T.object(\n$L)", values, CodeBlock.join(members, ",\n")))
                .build();
    }

    private MethodSpec fromJson(ClassName name, List<CodeBlock> components, boolean input) {
        return MethodSpec.methodBuilder("fromJson")
                .addJavadoc(input ? "Reads a JSON object.\n" : "Reads a JSON object of a response: a member that is "
                        + "not of the type its schema gives\nis null (a step checks the members its outputs read).\n")
                .addJavadoc("\n@param json the object\n@return the value; null when the node is missing or null\n")
                .addModifiers(Modifier.STATIC)
                .returns(name)
                .addParameter(TypeMapper.JSON_NODE, "json")
                .addStatement("$T object = $T.fields(json, $S)", TypeMapper.JSON_NODE, values, name.simpleName())
                .addStatement(components.isEmpty() ? CodeBlock.of("return object == null ? null : new $T()", name)
                        : CodeBlock.of("return object == null ? null : new $T(\n$L)", name,
                                CodeBlock.join(components, ",\n")))
                .build();
    }

    private void copyCollection(MethodSpec.Builder compact, TypeName type, String name) {
        if (type instanceof ParameterizedTypeName parameterized) {
            String raw = parameterized.rawType().simpleName();
            if (raw.equals("List") || raw.equals("Map")) {
                compact.addStatement("$N = $T.copyOf($N)", name, values, name);
            }
        }
    }

    private static TypeSpec builder(ClassName record, List<InputModel> components) {
        ClassName builder = record.nestedClass("Builder");
        TypeSpec.Builder type = TypeSpec.classBuilder(builder)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("Builds {@link $T}; {@link #build()} checks that every required value is set.\n", record)
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        List<CodeBlock> arguments = new ArrayList<>();
        for (InputModel component : components) {
            type.addField(component.type(), component.javaName(), Modifier.PRIVATE);
            type.addMethod(MethodSpec.methodBuilder(component.javaName())
                    .addJavadoc("Sets {@code $L}$L.\n\n@param $N the value\n@return this builder\n",
                            Javadocs.escape(component.name()), component.required() ? " (required)" : "",
                            component.javaName())
                    .addModifiers(Modifier.PUBLIC)
                    .returns(builder)
                    .addParameter(component.type(), component.javaName())
                    .addStatement("this.$N = $N", component.javaName(), component.javaName())
                    .addStatement("return this")
                    .build());
            arguments.add(CodeBlock.of("$N", component.javaName()));
        }
        type.addMethod(MethodSpec.methodBuilder("build")
                .addJavadoc("Builds the {@link $T}.\n\n@return the value built\n"
                        + "@throws NullPointerException naming the first required value that is not set\n", record)
                .addModifiers(Modifier.PUBLIC)
                .returns(record)
                .addStatement("return new $T($L)", record, CodeBlock.join(arguments, ", "))
                .build());
        return type.build();
    }

    private TypeSpec enumType(EnumModel model) {
        ClassName name = model.name();
        TypeSpec.Builder type = TypeSpec.enumBuilder(name)
                .addModifiers(Modifier.PUBLIC)
                .addSuperinterface(jsonValue)
                .addJavadoc("$L\n", model.description() == null
                        ? "The values the schema allows; each keeps its JSON value."
                        : Javadocs.escape(model.description()));
        for (EnumConstant constant : model.constants()) {
            type.addEnumConstant(constant.javaName(), TypeSpec.anonymousClassBuilder("$L",
                    Literals.string(constant.value()))
                    .addJavadoc("{@code $L}\n", Javadocs.escape(constant.value())).build());
        }
        type.addField(String.class, "value", Modifier.PRIVATE, Modifier.FINAL);
        type.addMethod(MethodSpec.constructorBuilder()
                .addParameter(String.class, "value")
                .addStatement("this.value = value")
                .build());
        type.addMethod(MethodSpec.methodBuilder("value")
                .addJavadoc("The value as JSON writes it.\n\n@return the JSON string value\n")
                .addModifiers(Modifier.PUBLIC)
                .returns(String.class)
                .addStatement("return value")
                .build());
        type.addMethod(MethodSpec.methodBuilder("toJson")
                .addJavadoc("This constant as JSON.\n\n@return a JSON string node\n")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(TypeMapper.JSON_NODE)
                .addStatement("return $T.json(value)", values)
                .build());
        type.addMethod(MethodSpec.methodBuilder("toString")
                .addJavadoc("The value as JSON writes it, as in query parameters and headers.\n\n"
                        + "@return the JSON string value\n")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(String.class)
                .addStatement("return value")
                .build());
        type.addMethod(fromValue(model));
        type.addMethod(MethodSpec.methodBuilder("fromJson")
                .addJavadoc("Reads a JSON string.\n\n@param json the string\n"
                        + "@return the constant; null when the node is missing or null\n")
                .addModifiers(Modifier.STATIC)
                .returns(name)
                .addParameter(TypeMapper.JSON_NODE, "json")
                .addStatement("$T text = $T.string(json)", STRING, values)
                .addStatement("return text == null ? null : fromValue(text)")
                .build());
        return type.build();
    }

    private static MethodSpec fromValue(EnumModel model) {
        ClassName name = model.name();
        String allowed = String.join(", ", model.constants().stream().map(EnumConstant::value).toList());
        return MethodSpec.methodBuilder("fromValue")
                .addJavadoc("The constant whose JSON value is {@code value}.\n\n"
                        + "@param value a JSON string value\n"
                        + "@return the constant\n"
                        + "@throws IllegalArgumentException when no constant has that value\n")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(name)
                .addParameter(String.class, "value")
                .beginControlFlow("for ($T constant : values())", name)
                .beginControlFlow("if (constant.value.equals(value))")
                .addStatement("return constant")
                .endControlFlow()
                .endControlFlow()
                .addStatement("throw new $T($S + value$W+ $L)", IllegalArgumentException.class, "'",
                        Literals.string("' is not a " + name.simpleName() + "; expected one of: " + allowed))
                .build();
    }

    /** Reads a value of {@code type} from the JSON node {@code json}: generated code, no reflection. */
    CodeBlock reader(TypeName type, CodeBlock json) {
        if (type instanceof ParameterizedTypeName parameterized) {
            String raw = parameterized.rawType().simpleName();
            TypeName last = parameterized.typeArguments().get(parameterized.typeArguments().size() - 1);
            return CodeBlock.of("$T.$N($L, $L)", values, raw.equals("Map") ? "map" : "list", json,
                    readerFunction(last));
        }
        String simple = simpleReader(type);
        if (simple != null) {
            return CodeBlock.of("$T.$N($L)", values, simple, json);
        }
        return CodeBlock.of("$T.fromJson($L)", type, json);
    }

    /** A {@code Function<JsonNode, T>} reading {@code type}: method references, no lambdas to clash with locals. */
    CodeBlock readerFunction(TypeName type) {
        if (type instanceof ParameterizedTypeName parameterized) {
            String raw = parameterized.rawType().simpleName();
            TypeName last = parameterized.typeArguments().get(parameterized.typeArguments().size() - 1);
            return CodeBlock.of("$T.$N($L)", values, raw.equals("Map") ? "mapOf" : "listOf", readerFunction(last));
        }
        String simple = simpleReader(type);
        return simple != null ? CodeBlock.of("$T::$N", values, simple) : CodeBlock.of("$T::fromJson", type);
    }

    /** The Values method reading a JDK type, or null for a generated type (which has {@code fromJson}). */
    static String simpleReader(TypeName type) {
        if (type.equals(TypeMapper.JSON_NODE)) {
            return "node";
        }
        if (type.equals(com.palantir.javapoet.ArrayTypeName.of(TypeName.BYTE))) {
            return "bytes";
        }
        if (!(type instanceof ClassName name)) {
            return null;
        }
        return switch (name.canonicalName()) {
            case "java.lang.String" -> "string";
            case "java.lang.Integer" -> "integer";
            case "java.lang.Long" -> "int64";
            case "java.lang.Float" -> "float32";
            case "java.lang.Double" -> "number";
            case "java.lang.Boolean" -> "bool";
            case "java.time.OffsetDateTime" -> "dateTime";
            case "java.time.LocalDate" -> "date";
            case "java.util.UUID" -> "uuid";
            default -> null;
        };
    }
}
