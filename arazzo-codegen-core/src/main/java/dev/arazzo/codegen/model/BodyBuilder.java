package dev.arazzo.codegen.model;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.TypeName;
import dev.arazzo.codegen.bind.BoundDocument.BoundStep;
import dev.arazzo.codegen.diagnostic.Diagnostics;
import dev.arazzo.codegen.expression.RuntimeExpression;
import dev.arazzo.codegen.load.ArazzoDocument;
import dev.arazzo.codegen.model.WorkflowModel.BodyModel;
import dev.arazzo.codegen.model.WorkflowModel.FieldModel;
import dev.arazzo.codegen.model.WorkflowModel.InputModel;
import dev.arazzo.codegen.model.WorkflowModel.ReplacementModel;
import dev.arazzo.codegen.model.WorkflowModel.ValueModel;
import dev.arazzo.codegen.source.EncodingView;
import dev.arazzo.codegen.source.MediaKind;
import dev.arazzo.codegen.source.MediaTypeView;
import dev.arazzo.codegen.source.OperationView;
import dev.arazzo.codegen.source.ParameterStyle;
import dev.arazzo.codegen.source.RequestBodyChoice;
import dev.arazzo.codegen.source.SchemaView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A step's request body as the model holds it: the media type chosen ({@link RequestBodyChoice}), the kind
 * of encoder that writes it, and for forms and multipart bodies how each member is written (the OpenAPI
 * Encoding Object, else OpenAPI's defaults from the property's schema). The one place that turns a
 * payload into a {@link BodyModel}; the check stage has reported the choices that fail, this class what
 * needs the types: a binary body must be a {@code byte[]} input.
 */
final class BodyBuilder {

    /** The Java type of an input whose schema says binary: {@code byte[]}. */
    static final TypeName BYTES = ArrayTypeName.of(TypeName.BYTE);
    private static final TypeName STRING = com.palantir.javapoet.ClassName.get(String.class);

    private final ArazzoDocument document;
    private final Diagnostics diagnostics;

    BodyBuilder(ArazzoDocument document, Diagnostics diagnostics) {
        this.document = document;
        this.diagnostics = diagnostics;
    }

    /** The body of {@code step}, which calls {@code operation}: {@code payload} with {@code replacements}. */
    BodyModel body(BoundStep step, OperationView operation, ValueModel payload, List<ReplacementModel> replacements,
            List<InputModel> inputs) {
        RequestBodyChoice choice = operation.requestBody(step.body().contentType());
        if (!(choice instanceof RequestBodyChoice.Chosen chosen)) {
            // reported by the check stage; the model is not emitted
            return new BodyModel("application/json", payload, replacements);
        }
        MediaKind kind = chosen.kind();
        String contentType = chosen.contentType();
        MediaTypeView declared = chosen.declared();
        List<FieldModel> fields = new ArrayList<>();
        if (kind == MediaKind.FORM && declared != null) {
            declared.encoding().forEach((name, encoding) -> fields.add(formField(name, encoding)));
        } else if (kind == MediaKind.MULTIPART && payload instanceof WorkflowModel.ObjectValue object) {
            for (WorkflowModel.Member member : object.members()) {
                fields.add(part(member, declared, inputs));
            }
        } else if (kind == MediaKind.MULTIPART && declared != null && declared.schema() != null
                && declared.schema().resolved() != null && declared.schema().resolved().properties() != null) {
            // an expression's object: its members are matched to the schema's properties at run time
            for (String property : declared.schema().resolved().properties().keySet()) {
                fields.add(part(new WorkflowModel.Member(property, null), declared, inputs));
            }
        } else if (kind == MediaKind.BINARY && !isBytes(payload, inputs)) {
            String pointer = step.step().requestBody().pointer() + "/payload";
            String subject = "step '" + step.stepId() + "'";
            Optional<InputModel> textInput = input(payload, inputs).filter(i -> i.type().equals(STRING));
            if (textInput.isPresent() || payload instanceof WorkflowModel.TemplateValue
                    || payload instanceof WorkflowModel.LiteralValue literal && literal.value().isTextual()) {
                // a real document's way of sending a file's content: read as its author meant it, and said
                diagnostics.warning("text-as-bytes", document.locate(pointer), subject + " sends text as '"
                        + contentType + "', a binary media type: it is sent as its UTF-8 bytes"
                        + textInput.map(i -> "; declare input '" + i.name() + "' with format: binary (a byte[]) "
                                + "to send any bytes").orElse(""));
                return new BodyModel(contentType, payload, replacements, MediaKind.TEXT, fields);
            }
            diagnostics.error("unencodable-payload", document.locate(pointer), subject + " sends '" + contentType
                    + "' as bytes, so its payload must be an input of type string with format: binary (a byte[]), "
                    + "e.g. $inputs.file; declare the input so, or send the text with a text media type");
        }
        return new BodyModel(contentType, payload, replacements, kind, fields);
    }

    private static FieldModel formField(String name, EncodingView encoding) {
        ParameterStyle style = encoding.style() == null ? ParameterStyle.FORM : encoding.style();
        boolean explode = encoding.explode() == null ? style.explodesByDefault() : encoding.explode();
        return new FieldModel(name, encoding.contentType(), style, explode, encoding.allowReserved(), null);
    }

    /**
     * A multipart member: its encoding's {@code contentType}, else OpenAPI's default for its schema (bytes
     * for binary strings, JSON for objects, text for primitives; for an array, that of its items). A part
     * that holds bytes, by schema or by a {@code byte[]} input, is a file part named after the member.
     */
    private static FieldModel part(WorkflowModel.Member member, MediaTypeView declared, List<InputModel> inputs) {
        SchemaView schema = null;
        String contentType = null;
        if (declared != null && declared.schema() != null && declared.schema().resolved() != null) {
            Map<String, SchemaView> properties = declared.schema().resolved().properties();
            schema = properties == null || properties.get(member.name()) == null ? null
                    : properties.get(member.name()).resolved();
            EncodingView encoding = declared.encoding().get(member.name());
            contentType = encoding == null ? null : encoding.contentType();
        }
        if (schema != null && "array".equals(schema.type()) && schema.items() != null) {
            schema = schema.items().resolved();
        }
        boolean binary = isBinary(schema) || isBytes(member.value(), inputs);
        if (contentType == null && schema != null) {
            contentType = defaultType(schema);
        }
        return new FieldModel(member.name(), contentType, ParameterStyle.FORM, true, false,
                binary ? member.name() : null);
    }

    private static String defaultType(SchemaView schema) {
        if (schema.contentMediaType() != null) {
            return schema.contentMediaType();
        }
        if (isBinary(schema)) {
            return "application/octet-stream";
        }
        String type = schema.type();
        if (type == null) {
            return null;
        }
        return switch (type) {
            case "object", "array" -> "application/json";
            case "string", "number", "integer", "boolean" -> "text/plain";
            default -> null;
        };
    }

    /** Whether an OpenAPI schema describes bytes: {@code format: binary} (3.0) or {@code contentMediaType} (3.1). */
    static boolean isBinary(SchemaView schema) {
        return schema != null && ("binary".equals(schema.format()) || schema.contentMediaType() != null);
    }

    /** Whether a value is a whole input typed {@code byte[]}. */
    private static boolean isBytes(ValueModel value, List<InputModel> inputs) {
        return input(value, inputs).filter(i -> i.type().equals(BYTES)).isPresent();
    }

    /** The input a value is, when it is a whole input ({@code $inputs.name}, no pointer). */
    private static Optional<InputModel> input(ValueModel value, List<InputModel> inputs) {
        if (!(value instanceof WorkflowModel.ExpressionValue expression)
                || !(expression.expression() instanceof RuntimeExpression.Input input) || !input.pointer().isEmpty()) {
            return Optional.empty();
        }
        return inputs.stream().filter(i -> i.name().equals(input.name())).findFirst();
    }
}
