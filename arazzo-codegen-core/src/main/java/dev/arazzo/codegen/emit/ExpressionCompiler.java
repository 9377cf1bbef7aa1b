package dev.arazzo.codegen.emit;

import com.fasterxml.jackson.databind.JsonNode;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.arazzo.codegen.expression.RuntimeExpression;
import dev.arazzo.codegen.expression.RuntimeExpressionParser.TemplatePart;
import dev.arazzo.codegen.jsonpath.JsonPathCompiler;
import dev.arazzo.codegen.model.TypeMapper;
import dev.arazzo.codegen.model.WorkflowModel;
import dev.arazzo.codegen.model.WorkflowModel.InputModel;
import dev.arazzo.codegen.model.WorkflowModel.OutputModel;
import dev.arazzo.codegen.model.WorkflowModel.StepModel;
import dev.arazzo.codegen.model.WorkflowModel.ValueModel;
import dev.arazzo.codegen.source.ResponseView;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Compiles runtime expressions and values into Java expressions over the variables of a generated
 * method: {@code inputs}, the result records of earlier steps, the outputs of workflows, and
 * {@code exchange} (or {@code called}) where a step has run. It records each variable it reads, so
 * that a helper method takes only those as parameters.
 */
final class ExpressionCompiler {

    /** A Java expression and its static type. */
    record Typed(CodeBlock code, TypeName type) {
    }

    private static final ClassName STRING = ClassName.get(String.class);
    private static final ClassName INTEGER = ClassName.get(Integer.class);
    private static final TypeName BYTES = ArrayTypeName.of(TypeName.BYTE);
    private static final TypeName NODE_LIST = ParameterizedTypeName.get(ClassName.get(List.class), TypeMapper.JSON_NODE);

    private final EmitContext context;
    private final WorkflowModel workflow;
    private final WorkflowNames names;
    private final ClassName values;
    private final StepModel step;
    private final Set<String> reads;

    ExpressionCompiler(EmitContext context, StepModel step, Set<String> reads) {
        this.context = context;
        this.workflow = context.workflow();
        this.names = context.names();
        this.values = context.runtime().values();
        this.step = step;
        this.reads = reads;
    }

    /** The variables that the code compiled so far reads, in the order first read. */
    Set<String> reads() {
        return Collections.unmodifiableSet(reads);
    }

    /** Whether {@code variable} is read by the code compiled so far. */
    boolean reads(String variable) {
        return reads.contains(variable);
    }

    /** {@code variable}, noted as read. */
    CodeBlock read(String variable) {
        reads.add(variable);
        return CodeBlock.of("$N", variable);
    }

    /** The step whose methods this compiler writes code for, or null. */
    StepModel step() {
        return step;
    }

    /** A runtime expression as a Java expression of its natural type. */
    Typed expression(RuntimeExpression expression) {
        if (expression instanceof RuntimeExpression.Input input) {
            InputModel model = workflow.input(input.name()).orElseThrow();
            return at(new Typed(CodeBlock.of("$L.$N()", read("inputs"), model.javaName()), model.type()),
                    input.pointer());
        }
        if (expression instanceof RuntimeExpression.StepOutput output) {
            return stepOutput(output);
        }
        if (expression instanceof RuntimeExpression.Output output) {
            return step.workflowCall().callee().output(output.name())
                    .map(model -> at(new Typed(CodeBlock.of("$L.$N()", read("called"), model.javaName()),
                            model.type()), output.pointer()))
                    .orElseGet(ExpressionCompiler::undefined);
        }
        if (expression instanceof RuntimeExpression.WorkflowValue value) {
            return workflowValue(value);
        }
        if (expression instanceof RuntimeExpression.Self) {
            return new Typed(Literals.string(workflow.sourceUrls().get(WorkflowModel.SELF)), STRING);
        }
        if (expression instanceof RuntimeExpression.Constant constant) {
            return constant(constant.value());
        }
        if (expression instanceof RuntimeExpression.JsonPathSelection selection) {
            return selection(selection);
        }
        if (expression instanceof RuntimeExpression.XPathSelection selection) {
            return xpath(selection);
        }
        if (expression instanceof RuntimeExpression.SourceDescriptionField field) {
            // the url as the document writes it, as the specification defines $sourceDescriptions.<name>.url
            return new Typed(Literals.string(workflow.sourceUrls().get(field.name())), STRING);
        }
        if (expression instanceof RuntimeExpression.MessagePayload payload) {
            return new Typed(payload.pointer().isEmpty() ? CodeBlock.of("$L.payload()", read("exchange"))
                    : CodeBlock.of("$L.payload($L)", read("exchange"), Literals.string(payload.pointer())),
                    TypeMapper.JSON_NODE);
        }
        if (expression instanceof RuntimeExpression.MessageHeader header) {
            // headers travel as text
            return new Typed(CodeBlock.of("$L.header($L)", read("exchange"), Literals.string(header.name())), STRING);
        }
        return exchange(expression);
    }

    /**
     * A JSONPath Selector Object: the node list of its query over the context's value
     * ({@code List<JsonNode>}), or its one node where one is needed, which fails the step otherwise.
     */
    private Typed selection(RuntimeExpression.JsonPathSelection selection) {
        Typed context = expression(selection.context());
        CodeBlock root = context.type().equals(TypeMapper.JSON_NODE) ? context.code()
                : CodeBlock.of("$T.json($L)", values, context.code());
        CodeBlock nodes = CodeBlock.of("$>$>$L$<$<", new JsonPathCompiler(this.context.runtime().jsonPathSupport(),
                names.locals()).wrapping().compile(selection.query(), root));
        if (selection.single()) {
            return new Typed(CodeBlock.of("$T.one($L,$W$L)", this.context.runtime().jsonPathSupport(), nodes,
                    Literals.string(selected(selection))), TypeMapper.JSON_NODE);
        }
        return new Typed(nodes, NODE_LIST);
    }

    /**
     * An XPath Selector Object over its context's text as XML: the JDK's XPath 1.0 engine ({@code Values}),
     * or Saxon-HE ({@code XPathSupport}) for XPath 2.0 and later; a node-set is its nodes' string values, or
     * the one node's where one value is needed, which fails the step otherwise.
     */
    private Typed xpath(RuntimeExpression.XPathSelection selection) {
        CodeBlock context = expression(selection.context()).code();
        String what = (step != null ? "step '" + step.stepId() + "'" : "workflow '" + workflow.workflowId() + "'")
                + ": XPath selector '" + selection.expression() + "'";
        TypeName list = ParameterizedTypeName.get(ClassName.get(List.class), STRING);
        ClassName support = selection.saxon() ? this.context.runtime().xpathSupport() : values;
        String method;
        TypeName type;
        switch (selection.result()) {
            case STRING -> {
                method = "xpathString";
                type = STRING;
            }
            case NUMBER -> {
                method = "xpathNumber";
                type = ClassName.get(Double.class);
            }
            case BOOLEAN -> {
                method = "xpathBoolean";
                type = ClassName.get(Boolean.class);
            }
            default -> {
                method = selection.saxon() ? selection.single() ? "selectOne" : "select"
                        : selection.single() ? "xpathNode" : "xpathNodes";
                type = selection.single() ? STRING : list;
            }
        }
        return new Typed(CodeBlock.of("$T.$N($L,$W$L,$W$L)", support, method, Literals.string(selection.expression()),
                context, Literals.string(what)), type);
    }

    /** What a selection is, for the run-time message of a value it cannot give: the step and the selector. */
    private String selected(RuntimeExpression.JsonPathSelection selection) {
        return (step != null ? "step '" + step.stepId() + "'" : "workflow '" + workflow.workflowId() + "'")
                + ": selector '" + selection.selector() + "'";
    }

    /** A constant output, as a Java literal of its type ({@link TypeMapper#constantType}). */
    private Typed constant(JsonNode value) {
        TypeName type = TypeMapper.constantType(value);
        if (type.equals(STRING)) {
            return new Typed(Literals.string(value.asText()), type);
        }
        if (type.equals(TypeMapper.JSON_NODE)) {
            return new Typed(CodeBlock.of("$T.json($L)", values, literal(value)), type);
        }
        if (type.equals(ClassName.get(Long.class))) {
            return new Typed(CodeBlock.of("$LL", value.longValue()), type);
        }
        if (type.equals(ClassName.get(Double.class))) {
            return new Typed(CodeBlock.of("$L", Double.toString(value.doubleValue())), type);
        }
        return new Typed(CodeBlock.of("$L", value.asText()), type); // Integer, Boolean
    }

    /** An expression that reads the step's HTTP exchange: its status, url, method, headers and bodies. */
    private Typed exchange(RuntimeExpression expression) {
        if (expression instanceof RuntimeExpression.StatusCode) {
            // a step that calls a workflow has no response: its criteria run once the workflow completed
            return new Typed(step != null && step.callsWorkflow()
                    ? CodeBlock.of("200")
                    : CodeBlock.of("$L.statusCode()", read("exchange")), TypeName.INT);
        }
        if (expression instanceof RuntimeExpression.Url) {
            return new Typed(CodeBlock.of("$L.url()", read("exchange")), STRING);
        }
        if (expression instanceof RuntimeExpression.Method) {
            return new Typed(CodeBlock.of("$L.method()", read("exchange")), STRING);
        }
        if (expression instanceof RuntimeExpression.ResponseHeader header) {
            return new Typed(CodeBlock.of("$L.header($L)", read("exchange"), Literals.string(header.name())), STRING);
        }
        if (expression instanceof RuntimeExpression.ResponseBody body) {
            return responseBody(body);
        }
        if (expression instanceof RuntimeExpression.RequestBody body) {
            return new Typed(pointer(CodeBlock.of("$L.requestBody()", read("exchange")), body.pointer()),
                    TypeMapper.JSON_NODE);
        }
        if (expression instanceof RuntimeExpression.RequestParameter parameter) {
            String method = switch (parameter.in()) {
                case HEADER -> "requestHeader";
                case QUERY -> "requestQuery";
                case PATH, COOKIE -> "requestPath";
                case QUERYSTRING -> throw new IllegalStateException("$request.querystring is no runtime expression");
            };
            return new Typed(CodeBlock.of("$L.$N($L)", read("exchange"), method, Literals.string(parameter.name())),
                    STRING);
        }
        throw new IllegalStateException("expression kind not checked out: " + expression);
    }

    /**
     * {@code $response.body}: the text or the bytes of a response the OpenAPI describes so (checked
     * against its Content-Type), else the JSON; a pointer into a body that is not JSON fails the step
     * ({@code HttpExchange.body(String)}). Every read of the step's response body goes through here.
     */
    private Typed responseBody(RuntimeExpression.ResponseBody body) {
        WorkflowModel.ResponseModel response = response();
        if (body.pointer().isEmpty() && response.kind() != ResponseView.BodyKind.JSON) {
            List<CodeBlock> types = response.mediaTypes().stream().map(Literals::string).toList();
            boolean text = response.kind() == ResponseView.BodyKind.TEXT;
            return new Typed(CodeBlock.of("$L.$N($L)", read("exchange"), text ? "text" : "bytes",
                    CodeBlock.join(types, ", ")), text ? STRING : BYTES);
        }
        return new Typed(body.pointer().isEmpty() ? CodeBlock.of("$L.body()", read("exchange"))
                : CodeBlock.of("$L.body($L)", read("exchange"), Literals.string(body.pointer())), TypeMapper.JSON_NODE);
    }

    private WorkflowModel.ResponseModel response() {
        return step == null ? WorkflowModel.ResponseModel.JSON : step.response();
    }

    /**
     * A JSON response member read as {@code type}: a value that is not of that type fails the step,
     * naming the member ({@code HttpExchange.read}).
     */
    CodeBlock responseMember(String pointer, TypeName type) {
        return CodeBlock.of("$L.read($L, $L)", read("exchange"), Literals.string(pointer),
                context.types().readerFunction(type));
    }

    private Typed stepOutput(RuntimeExpression.StepOutput output) {
        StepModel read = workflow.step(output.stepId()).orElseThrow();
        OutputModel model = read.output(output.name()).orElse(null);
        if (model == null) {
            return undefined();
        }
        CodeBlock variable = read(names.variable(read));
        // its own outputs of the execution before: null the first time
        CodeBlock code = step != null && step.stepId().equals(read.stepId())
                ? CodeBlock.of("($L == null ? null : $L.$N())", variable, variable, model.javaName())
                : CodeBlock.of("$L.$N()", variable, model.javaName());
        return at(new Typed(code, model.type()), output.pointer());
    }

    private Typed workflowValue(RuntimeExpression.WorkflowValue value) {
        WorkflowModel.DependencyModel dependency = workflow.dependency(value.workflowId()).orElseThrow();
        if (value.output()) {
            return dependency.callee().output(value.name())
                    .map(model -> at(new Typed(CodeBlock.of("$L.$N()", read(names.variable(dependency)),
                            model.javaName()), model.type()), value.pointer()))
                    .orElseGet(ExpressionCompiler::undefined);
        }
        return dependency.callee().input(value.name())
                .map(model -> at(new Typed(CodeBlock.of("$L.$N()", CalleeInputsEmitter.call(workflow,
                        dependency.callee(), () -> read("inputs")), model.javaName()), model.type()), value.pointer()))
                .orElseGet(ExpressionCompiler::undefined);
    }

    /** The node at a JSON Pointer into a value ({@code $inputs.customer#/name}); the value itself without one. */
    private Typed at(Typed value, String pointer) {
        return pointer.isEmpty()
                ? value
                : new Typed(CodeBlock.of("$T.at($L, $L)", values, value.code(), Literals.string(pointer)),
                        TypeMapper.JSON_NODE);
    }

    /** A value the document reads but never defines (a warning at build time): always null. */
    private static Typed undefined() {
        return new Typed(CodeBlock.of("($T) null", TypeMapper.JSON_NODE), TypeMapper.JSON_NODE);
    }

    private CodeBlock pointer(CodeBlock node, String pointer) {
        return pointer.isEmpty() ? node : CodeBlock.of("$L.at($L)", node, Literals.string(pointer));
    }

    /** An expression converted to {@code target}, the type of the record component it fills. */
    CodeBlock converted(RuntimeExpression expression, TypeName target) {
        if (expression instanceof RuntimeExpression.ResponseBody body && response().kind() == ResponseView.BodyKind.JSON
                && !target.equals(TypeMapper.JSON_NODE) && !target.equals(STRING)) {
            return responseMember(body.pointer(), target);
        }
        if (expression instanceof RuntimeExpression.MessagePayload payload && !target.equals(TypeMapper.JSON_NODE)
                && !target.equals(STRING)) {
            // typed from the message's payload schema: a value of another type fails the step, naming it
            return CodeBlock.of("$L.read($L, $L)", read("exchange"), Literals.string(payload.pointer()),
                    context.types().readerFunction(target));
        }
        Typed typed = expression(expression);
        if (expression instanceof RuntimeExpression.JsonPathSelection selection && !selection.single()
                && !target.equals(typed.type()) && !target.equals(TypeMapper.JSON_NODE)) {
            // the nodes read as the list the schema gives them: a node of another type fails naming the selector
            return CodeBlock.of("$T.read($L,$W$L,$W$L)", context.runtime().jsonPathSupport(), typed.code(),
                    Literals.string(selected(selection)), context.types().readerFunction(target));
        }
        if (typed.type().equals(TypeMapper.JSON_NODE) && target.equals(TypeMapper.JSON_NODE)) {
            return CodeBlock.of("$T.node($L)", values, typed.code()); // a missing node reads as null
        }
        return converted(typed, target);
    }

    /** A value of the document converted to {@code target}, the type of a called workflow's input. */
    CodeBlock convertedValue(ValueModel value, TypeName target) {
        if (value instanceof WorkflowModel.ExpressionValue expression) {
            return converted(expression.expression(), target);
        }
        TypeName natural = TypeMapper.JSON_NODE;
        if (isText(value)) {
            natural = STRING;
        } else if (value instanceof WorkflowModel.LiteralValue literal && literal.value().isBoolean()) {
            natural = ClassName.get(Boolean.class);
        } else if (value instanceof WorkflowModel.LiteralValue literal && literal.value().isIntegralNumber()
                && literal.value().canConvertToInt()) {
            natural = INTEGER;
        }
        CodeBlock code = value(value);
        return natural.equals(TypeMapper.JSON_NODE) && !isJsonBuilt(value)
                ? converted(new Typed(CodeBlock.of("$T.json($L)", values, code), TypeMapper.JSON_NODE), target)
                : converted(new Typed(code, natural), target);
    }

    /** A Java expression of type {@code type} converted to {@code target}. */
    CodeBlock converted(CodeBlock code, TypeName type, TypeName target) {
        return converted(new Typed(code, type), target);
    }

    private static boolean isJsonBuilt(ValueModel value) {
        return value instanceof WorkflowModel.ObjectValue || value instanceof WorkflowModel.ArrayValue;
    }

    private CodeBlock converted(Typed typed, TypeName target) {
        if (typed.type().equals(target) || typed.type().box().equals(target)) {
            return typed.code();
        }
        if (target.equals(TypeMapper.JSON_NODE)) {
            return CodeBlock.of("$T.json($L)", values, typed.code());
        }
        CodeBlock json = typed.type().equals(TypeMapper.JSON_NODE)
                ? typed.code()
                : CodeBlock.of("$T.json($L)", values, typed.code());
        if (target.equals(STRING)) {
            return typed.type().equals(TypeMapper.JSON_NODE)
                    ? CodeBlock.of("$T.string($L)", values, json)
                    : CodeBlock.of("$T.text($L)", values, typed.code());
        }
        // numbers, java.time, UUID, lists, maps and generated records and enums: read from the JSON tree
        return context.types().reader(target, json);
    }

    /**
     * {@code payload} with a Payload Replacement Object applied: the JSON Pointer's location set
     * ({@code Values.replace}), or each node a JSONPath target selects ({@code JsonPathSupport.replace}).
     */
    CodeBlock replacement(CodeBlock payload, WorkflowModel.ReplacementModel replacement) {
        if (replacement.query() == null) {
            return CodeBlock.of("$T.replace($L, $L, $L)", values, payload, Literals.string(replacement.target()),
                    value(replacement.value()));
        }
        String what = (step != null ? "step '" + step.stepId() + "'" : "workflow '" + workflow.workflowId() + "'")
                + ": replacement target '" + replacement.target() + "'";
        Set<String> scope = new HashSet<>(names.locals());
        String root = "payload";
        for (int suffix = 2; scope.contains(root); suffix++) {
            root = "payload" + suffix;
        }
        scope.add(root);
        CodeBlock nodes = new JsonPathCompiler(context.runtime().jsonPathSupport(), scope).wrapping()
                .compile(replacement.query(), CodeBlock.of("$N", root));
        return CodeBlock.of("$T.replace(\n$>$>$L,\n$L,\n$N -> $>$>$L$<$<,\n$T.json($L))$<$<",
                context.runtime().jsonPathSupport(), payload, Literals.string(what), root, nodes, values,
                value(replacement.value()));
    }

    /** A value of the document (parameter value, payload) as a Java expression. */
    CodeBlock value(ValueModel value) {
        return value(value, false);
    }

    /** A value; a {@code nested} object is indented one continuation further than the one holding it. */
    private CodeBlock value(ValueModel value, boolean nested) {
        if (value instanceof WorkflowModel.LiteralValue literal) {
            return literal(literal.value());
        }
        if (value instanceof WorkflowModel.ExpressionValue expression) {
            return expression(expression.expression()).code();
        }
        if (value instanceof WorkflowModel.TemplateValue template) {
            List<CodeBlock> parts = new ArrayList<>();
            for (TemplatePart part : template.parts()) {
                if (part instanceof TemplatePart.Literal text) {
                    parts.add(CodeBlock.of("$L", Literals.string(text.text())));
                } else if (part instanceof TemplatePart.Embedded embedded) {
                    parts.add(CodeBlock.of("$T.text($L)", values, expression(embedded.expression()).code()));
                }
            }
            if (parts.size() == 1 && template.parts().get(0) instanceof TemplatePart.Embedded) {
                return parts.get(0);
            }
            return CodeBlock.join(parts, " + ");
        }
        if (value instanceof WorkflowModel.ObjectValue object) {
            List<CodeBlock> arguments = new ArrayList<>();
            for (WorkflowModel.Member member : object.members()) {
                arguments.add(CodeBlock.of("$L, $L", Literals.string(member.name()), value(member.value(), true)));
            }
            return arguments.isEmpty()
                    ? CodeBlock.of("$T.object()", values)
                    : nested
                    ? CodeBlock.of("$T.object(\n$>$>$L$<$<)", values, CodeBlock.join(arguments, ",\n"))
                    : CodeBlock.of("$T.object(\n$L)", values, CodeBlock.join(arguments, ",\n"));
        }
        if (value instanceof WorkflowModel.ArrayValue array) {
            List<CodeBlock> elements = new ArrayList<>();
            for (ValueModel element : array.elements()) {
                elements.add(value(element, true));
            }
            return CodeBlock.of("$T.array($L)", values, CodeBlock.join(elements, ", "));
        }
        throw new IllegalStateException("value kind not handled: " + value);
    }

    /** {@code object} with one more member, {@code member} ({@code "name", value}), after its own. */
    CodeBlock object(WorkflowModel.ObjectValue object, CodeBlock member) {
        List<CodeBlock> arguments = new ArrayList<>();
        for (WorkflowModel.Member own : object.members()) {
            arguments.add(CodeBlock.of("$L, $L", Literals.string(own.name()), value(own.value(), true)));
        }
        arguments.add(member);
        return CodeBlock.of("$T.object(\n$L)", values, CodeBlock.join(arguments, ",\n"));
    }

    /** Whether a value is text (a string literal or a template), to be sent as it is. */
    static boolean isText(ValueModel value) {
        return value instanceof WorkflowModel.TemplateValue
                || value instanceof WorkflowModel.LiteralValue literal && literal.value().isTextual();
    }

    CodeBlock literal(JsonNode value) {
        if (value.isTextual()) {
            return CodeBlock.of("$L", Literals.string(value.asText()));
        }
        if (value.isBoolean()) {
            return CodeBlock.of("$L", value.asBoolean());
        }
        if (value.isIntegralNumber()) {
            return value.canConvertToInt() ? CodeBlock.of("$L", value.intValue())
                    : value.canConvertToLong() ? CodeBlock.of("$LL", value.longValue())
                    : CodeBlock.of("new $T($S)", java.math.BigInteger.class, value.asText());
        }
        if (value.isNumber()) {
            return CodeBlock.of("new $T($S)", java.math.BigDecimal.class, value.decimalValue().toString());
        }
        if (value.isNull()) {
            return CodeBlock.of("$T.getInstance()", ClassName.get("com.fasterxml.jackson.databind.node", "NullNode"));
        }
        return CodeBlock.of("$T.json($L)", values, value(toValue(value)));
    }

    private static ValueModel toValue(JsonNode node) {
        if (node.isObject()) {
            List<WorkflowModel.Member> members = new ArrayList<>();
            node.properties().forEach(f ->
                    members.add(new WorkflowModel.Member(f.getKey(), toValue(f.getValue()))));
            return new WorkflowModel.ObjectValue(members);
        }
        if (node.isArray()) {
            List<ValueModel> elements = new ArrayList<>();
            node.forEach(e -> elements.add(toValue(e)));
            return new WorkflowModel.ArrayValue(elements);
        }
        return new WorkflowModel.LiteralValue(node);
    }
}
