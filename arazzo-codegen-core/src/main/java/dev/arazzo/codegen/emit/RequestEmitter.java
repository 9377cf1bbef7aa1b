package dev.arazzo.codegen.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import dev.arazzo.codegen.emit.StepEmitter.Helper;
import dev.arazzo.codegen.expression.RuntimeExpressionParser.TemplatePart;
import dev.arazzo.codegen.expression.XmlTemplate;
import dev.arazzo.codegen.model.WorkflowModel;
import dev.arazzo.codegen.model.WorkflowModel.BodyModel;
import dev.arazzo.codegen.model.WorkflowModel.FieldModel;
import dev.arazzo.codegen.model.WorkflowModel.HttpCall;
import dev.arazzo.codegen.model.WorkflowModel.IdempotencyModel;
import dev.arazzo.codegen.model.WorkflowModel.ParameterModel;
import dev.arazzo.codegen.model.WorkflowModel.StepModel;
import dev.arazzo.codegen.source.MediaKind;
import dev.arazzo.codegen.source.ParameterLocation;
import dev.arazzo.codegen.source.ParameterStyle;
import dev.arazzo.codegen.source.ResponseView;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Emits the private method that sends a step's HTTP request: its parameters, its body (JSON, form or
 * text, with payload replacements and the idempotency token) and the operation's security requirements.
 */
final class RequestEmitter {

    private final EmitContext context;
    private final ClassName values;

    RequestEmitter(EmitContext context) {
        this.context = context;
        this.values = context.runtime().values();
    }

    /** {@code sendX(...)}: builds the request of {@code step} and returns the exchange. */
    Helper send(StepModel step, HttpCall http, List<ParameterSpec> parameters) {
        ExpressionCompiler compiler = context.compiler(step);
        IdempotencyModel idempotency = context.idempotency(step);
        ClassName stepRequest = context.runtime().stepRequest();
        CodeBlock.Builder request = CodeBlock.builder().add("$T request = $T.of($L,$W$N,$W$S,$W$L)", stepRequest,
                stepRequest, Literals.string(step.stepId()), http.server().fieldName(), http.method(),
                Literals.string(http.path()));
        if (step.response().kind() != ResponseView.BodyKind.JSON && !step.response().mediaTypes().isEmpty()) {
            // the response is read as text or bytes: ask for what the OpenAPI declares (a step's own Accept wins)
            request.add("\n.header($S, $L)", "Accept",
                    Literals.string(String.join(", ", step.response().mediaTypes())));
        }
        for (ParameterModel parameter : http.parameters()) {
            request.add("\n.$L", parameter(parameter, compiler.value(parameter.value())));
        }
        if (idempotency != null && !idempotency.inBody()) {
            request.add("\n.header($L, $N)", Literals.string(idempotency.name()), StepEmitter.TOKEN);
        }
        MethodSpec.Builder method = MethodSpec.methodBuilder(context.names().send(step))
                .addJavadoc("Sends the request of step {@code $L} and reads its response.\n",
                        Javadocs.escape(step.stepId()))
                .addModifiers(Modifier.PRIVATE)
                .returns(context.runtime().httpExchange())
                .addStatement(request.build());
        if (http.body() != null) {
            if (http.body().kind() == MediaKind.TEXT
                    && http.body().replacements().stream().anyMatch(r -> r.xpath() != null)) {
                xmlBody(method, compiler, http.body(), step.stepId(), parameters);
            } else {
                method.addStatement(body(compiler, http.body(), idempotency));
            }
        }
        if (step.timeoutMillis() == null) {
            method.addStatement("return transport.send($L, request, $L)",
                    Literals.string(step.stepId()), security(http.security()));
        } else {
            method.addStatement("return transport.send($L, request, $L,$W$T.ofMillis($L))",
                    Literals.string(step.stepId()),
                    security(http.security()), java.time.Duration.class, step.timeoutMillis());
        }
        method.addParameters(StepEmitter.read(parameters, compiler));
        if (idempotency != null) {
            method.addParameter(String.class, StepEmitter.TOKEN);
        }
        return new Helper(method.build());
    }

    /**
     * The {@code StepRequest} call that adds a parameter with its style: the short form when the style is
     * OpenAPI's default for the location, else the style as a {@code ParameterStyles.Style} constant.
     */
    private CodeBlock parameter(ParameterModel parameter, CodeBlock value) {
        ParameterLocation location = parameter.location();
        if (location == ParameterLocation.QUERYSTRING) {
            // the whole query string: a text as written, or a value serialized by the declared media type
            return CodeBlock.of("querystring($L, $L)", parameter.contentType() == null ? "null"
                    : Literals.string(parameter.contentType()), value);
        }
        if (parameter.contentType() != null) {
            // described by a media type: its text, sent as one value (the check stage allows JSON and text/plain)
            value = CodeBlock.of("$T.$N($L)", context.runtime().parameterStyles(),
                    MediaKind.of(parameter.contentType()) == MediaKind.JSON ? "json" : "text", value);
        }
        boolean defaults = parameter.contentType() != null || parameter.style() == location.defaultStyle()
                && parameter.explode() == parameter.style().explodesByDefault() && !parameter.allowReserved();
        String method = switch (location) {
            case PATH -> "path";
            case QUERY -> "query";
            case HEADER -> "header";
            case COOKIE -> "cookie";
            case QUERYSTRING -> throw new IllegalStateException("a querystring has no style");
        };
        if (defaults) {
            return CodeBlock.of("$N($L, $L)", method, Literals.string(parameter.name()), value);
        }
        return switch (location) {
            case PATH -> CodeBlock.of("path($L, $T.$N, $L, $L)", Literals.string(parameter.name()),
                    context.runtime().parameterStyle(),
                    styleConstant(parameter.style()), parameter.explode(), value);
            case QUERY -> CodeBlock.of("query($L, $T.$N, $L, $L, $L)", Literals.string(parameter.name()),
                    context.runtime().parameterStyle(), styleConstant(parameter.style()), parameter.explode(),
                    parameter.allowReserved(), value);
            case HEADER -> CodeBlock.of("header($L, $L, $L)", Literals.string(parameter.name()), parameter.explode(),
                    value);
            case COOKIE -> CodeBlock.of("cookie($L, $L, $L)", Literals.string(parameter.name()), parameter.explode(),
                    value);
            case QUERYSTRING -> throw new IllegalStateException("a querystring has no style");
        };
    }

    /** The name of the run-time {@code ParameterStyles.Style} constant of {@code style}. */
    private static String styleConstant(ParameterStyle style) {
        return switch (style) {
            case MATRIX -> "MATRIX";
            case LABEL -> "LABEL";
            case SIMPLE -> "SIMPLE";
            case FORM -> "FORM";
            case SPACE_DELIMITED -> "SPACE_DELIMITED";
            case PIPE_DELIMITED -> "PIPE_DELIMITED";
            case DEEP_OBJECT -> "DEEP_OBJECT";
        };
    }

    /**
     * The {@code StepRequest} call that sets the body, by the kind of its media type: JSON (a text payload
     * as is), a form (an object's members as fields, text as is), multipart (one part per member), text
     * (text as is, primitives as parameters write them) or bytes.
     */
    private CodeBlock body(ExpressionCompiler compiler, BodyModel body, IdempotencyModel idempotency) {
        String contentType = body.contentType();
        CodeBlock type = Literals.string(contentType);
        boolean text = ExpressionCompiler.isText(body.payload());
        return switch (body.kind()) {
            case FORM -> text
                    ? CodeBlock.of("request.textBody($L, $L)", type, compiler.value(body.payload()))
                    : formBody(contentType, payload(compiler, body, idempotency), body.fields());
            case MULTIPART -> multipartBody(compiler, body);
            case TEXT -> CodeBlock.of(text ? "request.textBody($L, $L)" : "request.valueBody($L, $L)", type,
                    text ? xmlText(compiler, body) : compiler.value(body.payload()));
            case BINARY -> CodeBlock.of("request.binaryBody($L, $L)", type, compiler.value(body.payload()));
            case JSON, UNSUPPORTED -> text && body.replacements().isEmpty()
                    ? CodeBlock.of("request.textBody($L, $L)", type, compiler.value(body.payload()))
                    : CodeBlock.of("request.jsonBody($L, $L)", type, payload(compiler, body, idempotency));
        };
    }

    /** {@code request.formBody(type, fields, FormBody.field(...), ...)}: the encodings that are not the default. */
    private CodeBlock formBody(String contentType, CodeBlock fields, List<FieldModel> encodings) {
        List<CodeBlock> arguments = new ArrayList<>();
        arguments.add(CodeBlock.of("$L, $L", Literals.string(contentType), fields));
        ClassName formBody = context.runtime().formBody();
        for (FieldModel field : encodings) {
            arguments.add(CodeBlock.of("$T.field($L, $T.$N, $L, $L, $L)", formBody, Literals.string(field.name()),
                    context.runtime().parameterStyle(), styleConstant(field.style()), field.explode(),
                    field.allowReserved(), Literals.stringOrNull(field.contentType())));
        }
        return CodeBlock.of("request.formBody($L)", CodeBlock.join(arguments, ",\n"));
    }

    /**
     * {@code request.multipartBody(type, MultipartBody.part(name, type, filename, value), ...)}; for a payload
     * that is an expression, {@code request.multipartFields(type, value, MultipartBody.part(name, type,
     * filename, null), ...)}, its members matched to the parts by name at run time.
     */
    private CodeBlock multipartBody(ExpressionCompiler compiler, BodyModel body) {
        List<CodeBlock> arguments = new ArrayList<>();
        ClassName multipartBody = context.runtime().multipartBody();
        if (!(body.payload() instanceof WorkflowModel.ObjectValue object)) {
            arguments.add(CodeBlock.of("$L, $L", Literals.string(body.contentType()), compiler.value(body.payload())));
            for (FieldModel field : body.fields()) {
                arguments.add(CodeBlock.of("$T.part($L, $L, $L, null)", multipartBody, Literals.string(field.name()),
                        Literals.stringOrNull(field.contentType()), Literals.stringOrNull(field.filename())));
            }
            return CodeBlock.of("request.multipartFields($L)", CodeBlock.join(arguments, ",\n"));
        }
        arguments.add(Literals.string(body.contentType()));
        List<WorkflowModel.Member> members = object.members();
        for (int i = 0; i < members.size(); i++) {
            FieldModel field = body.fields().get(i);
            arguments.add(CodeBlock.of("$T.part($L, $L, $L, $L)", multipartBody, Literals.string(field.name()),
                    Literals.stringOrNull(field.contentType()), Literals.stringOrNull(field.filename()),
                    compiler.value(members.get(i).value())));
        }
        return CodeBlock.of("request.multipartBody($L)", CodeBlock.join(arguments, ",\n"));
    }

    /** The JSON payload: the document's, its replacements applied, then the idempotency token set. */
    private CodeBlock payload(ExpressionCompiler compiler, BodyModel body, IdempotencyModel idempotency) {
        boolean token = idempotency != null && idempotency.inBody();
        if (token && body.replacements().isEmpty() && body.payload() instanceof WorkflowModel.ObjectValue object
                && object.members().stream().noneMatch(m -> m.name().equals(idempotency.name()))) {
            // the token is one more member of the object, as the document would have written it
            return compiler.object(object,
                    CodeBlock.of("$L, $N", Literals.string(idempotency.name()), StepEmitter.TOKEN));
        }
        CodeBlock payload = body.payload() instanceof WorkflowModel.ObjectValue
                || body.payload() instanceof WorkflowModel.ArrayValue
                ? compiler.value(body.payload())
                : CodeBlock.of("$T.json($L)", values, compiler.value(body.payload()));
        for (WorkflowModel.ReplacementModel replacement : body.replacements()) {
            payload = compiler.replacement(payload, replacement);
        }
        if (token) {
            payload = CodeBlock.of("$T.replace($L, $L, $N)", values, payload, Literals.string("/" + idempotency.name()),
                    StepEmitter.TOKEN);
        }
        return payload;
    }

    /**
     * An XML body with its XPath replacements applied in the document's order, each by {@code XmlReplacement}
     * (XPath 1.0, the JDK) or {@code XPathSupport} (2.0 and later, Saxon-HE), to a local holding the payload's
     * text (or the text of the expression it is), then sent as text.
     */
    private void xmlBody(MethodSpec.Builder method, ExpressionCompiler compiler, BodyModel body, String stepId,
            List<ParameterSpec> parameters) {
        String xml = "xml";
        while (declares(parameters, xml)) {
            xml += "_";
        }
        CodeBlock payload = ExpressionCompiler.isText(body.payload()) ? xmlText(compiler, body)
                : CodeBlock.of("$T.text($L)", values, compiler.value(body.payload()));
        method.addStatement("$T $N = $L", String.class, xml, payload);
        for (WorkflowModel.ReplacementModel replacement : body.replacements()) {
            ClassName support = replacement.saxon() ? context.runtime().xpathSupport()
                    : context.runtime().xmlReplacement();
            method.addStatement("$N = $T.replace($N, $L,$W$L,$W$L)", xml, support, xml,
                    Literals.string(replacement.xpath()), compiler.value(replacement.value()),
                    Literals.string("step '" + stepId + "' replacement target '" + replacement.xpath() + "'"));
        }
        method.addStatement("request.textBody($L, $N)", Literals.string(body.contentType()), xml);
    }

    /**
     * A text payload; under an XML media type, a template's values are escaped for where each stands
     * ({@code XmlReplacement.content}, {@code .attribute} with its quote, {@code .cdata}), outside the root
     * element inserted as they are. The check stage has refused the other places.
     */
    private CodeBlock xmlText(ExpressionCompiler compiler, BodyModel body) {
        if (!(body.payload() instanceof WorkflowModel.TemplateValue template) || !MediaKind.isXml(body.contentType())) {
            return compiler.value(body.payload());
        }
        List<XmlTemplate.Context> contexts = XmlTemplate.contexts(template.parts());
        ClassName replacement = context.runtime().xmlReplacement();
        List<CodeBlock> parts = new ArrayList<>();
        int index = 0;
        for (TemplatePart part : template.parts()) {
            if (part instanceof TemplatePart.Literal text) {
                parts.add(CodeBlock.of("$L", Literals.string(text.text())));
                continue;
            }
            TemplatePart.Embedded embedded = (TemplatePart.Embedded) part;
            CodeBlock value = compiler.expression(embedded.expression()).code();
            parts.add(switch (contexts.get(index++)) {
                case CONTENT -> CodeBlock.of("$T.content($L)", replacement, value);
                case ATTRIBUTE_DOUBLE -> CodeBlock.of("$T.attribute($L, '\"')", replacement, value);
                case ATTRIBUTE_SINGLE -> CodeBlock.of("$T.attribute($L, '\\'')", replacement, value);
                case CDATA -> CodeBlock.of("$T.cdata($L, $L)", replacement, value,
                        Literals.string("expression {" + embedded.text() + "}"));
                default -> CodeBlock.of("$T.text($L)", values, value);
            });
        }
        return parts.size() == 1 && template.parts().get(0) instanceof TemplatePart.Embedded ? parts.get(0)
                : CodeBlock.join(parts, " + ");
    }

    private static boolean declares(List<ParameterSpec> parameters, String name) {
        return parameters.stream().anyMatch(parameter -> parameter.name().equals(name));
    }

    /** The security requirements as a Java expression: {@code List.of(List.of("apiKey"))}. */
    private static CodeBlock security(List<List<String>> requirements) {
        List<CodeBlock> alternatives = new ArrayList<>();
        for (List<String> requirement : requirements) {
            alternatives.add(CodeBlock.of("$T.of($L)", List.class,
                    CodeBlock.join(requirement.stream().map(Literals::string).toList(), ", ")));
        }
        return CodeBlock.of("$T.of($L)", List.class, CodeBlock.join(alternatives, ", "));
    }
}
