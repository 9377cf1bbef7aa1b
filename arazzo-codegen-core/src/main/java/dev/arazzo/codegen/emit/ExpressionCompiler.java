package dev.arazzo.codegen.emit;

import com.fasterxml.jackson.databind.JsonNode;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.arazzo.codegen.expression.Condition;
import dev.arazzo.codegen.expression.RuntimeExpression;
import dev.arazzo.codegen.expression.RuntimeExpressionParser.TemplatePart;
import dev.arazzo.codegen.jsonpath.JsonPathCriterion;
import dev.arazzo.codegen.model.TypeMapper;
import dev.arazzo.codegen.model.WorkflowModel;
import dev.arazzo.codegen.model.WorkflowModel.InputModel;
import dev.arazzo.codegen.model.WorkflowModel.OutputModel;
import dev.arazzo.codegen.model.WorkflowModel.StepModel;
import dev.arazzo.codegen.model.WorkflowModel.ValueModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compiles runtime expressions, values and conditions into Java expressions over the variables of a
 * generated method: {@code inputs}, the result records of earlier steps (named after their step
 * methods), and {@code exchange} where a response exists.
 */
final class ExpressionCompiler {

    /** A Java expression and its static type. */
    record Typed(CodeBlock code, TypeName type) {
    }

    private static final ClassName STRING = ClassName.get(String.class);
    private static final ClassName INTEGER = ClassName.get(Integer.class);
    private static final ClassName OBJECT = ClassName.get(Object.class);

    private final WorkflowModel workflow;
    private final ClassName values;
    private final Map<String, String> sourceUrls;
    private final JsonPathCriterion jsonPath;
    private final StepModel step;

    ExpressionCompiler(WorkflowModel workflow, ClassName values, Map<String, String> sourceUrls, JsonPathCriterion jsonPath,
            StepModel step) {
        this.workflow = workflow;
        this.values = values;
        this.sourceUrls = sourceUrls;
        this.jsonPath = jsonPath;
        this.step = step;
    }

    /** The same compiler inside the methods of {@code step}, where {@code $outputs} reads the workflow it called. */
    ExpressionCompiler in(StepModel step) {
        return new ExpressionCompiler(workflow, values, sourceUrls, jsonPath, step);
    }

    /** A runtime expression as a Java expression of its natural type. */
    Typed expression(RuntimeExpression expression) {
        if (expression instanceof RuntimeExpression.StatusCode) {
            // a step that calls a workflow has no response: its criteria run once the workflow completed
            return new Typed(step != null && step.callsWorkflow() ? CodeBlock.of("200") : CodeBlock.of("exchange.statusCode()"),
                    TypeName.INT);
        }
        if (expression instanceof RuntimeExpression.Url) {
            return new Typed(CodeBlock.of("exchange.url()"), STRING);
        }
        if (expression instanceof RuntimeExpression.Method) {
            return new Typed(CodeBlock.of("exchange.method()"), STRING);
        }
        if (expression instanceof RuntimeExpression.ResponseHeader header) {
            return new Typed(CodeBlock.of("exchange.header($S)", header.name()), STRING);
        }
        if (expression instanceof RuntimeExpression.ResponseBody body) {
            return new Typed(pointer(CodeBlock.of("exchange.body()"), body.pointer()), TypeMapper.JSON_NODE);
        }
        if (expression instanceof RuntimeExpression.RequestBody body) {
            return new Typed(pointer(CodeBlock.of("exchange.requestBody()"), body.pointer()), TypeMapper.JSON_NODE);
        }
        if (expression instanceof RuntimeExpression.RequestParameter parameter) {
            String method = switch (parameter.in()) {
                case "header" -> "requestHeader";
                case "query" -> "requestQuery";
                default -> "requestPath";
            };
            return new Typed(CodeBlock.of("exchange.$N($S)", method, parameter.name()), STRING);
        }
        if (expression instanceof RuntimeExpression.Input input) {
            InputModel model = workflow.input(input.name()).orElseThrow();
            CodeBlock code = CodeBlock.of("inputs.$N()", model.javaName());
            return input.pointer().isEmpty()
                    ? new Typed(code, model.type())
                    : new Typed(CodeBlock.of("$T.at($L, $S)", values, code, input.pointer()), TypeMapper.JSON_NODE);
        }
        if (expression instanceof RuntimeExpression.StepOutput output) {
            StepModel step = workflow.step(output.stepId()).orElseThrow();
            OutputModel model = step.output(output.name()).orElse(null);
            if (model == null) {
                return undefined();
            }
            CodeBlock code = this.step != null && this.step.stepId().equals(step.stepId())
                    ? CodeBlock.of("($N == null ? null : $N.$N())", step.methodName(), step.methodName(), model.javaName())
                    : CodeBlock.of("$N.$N()", step.methodName(), model.javaName());
            return output.pointer().isEmpty()
                    ? new Typed(code, model.type())
                    : new Typed(CodeBlock.of("$T.at($L, $S)", values, code, output.pointer()), TypeMapper.JSON_NODE);
        }
        if (expression instanceof RuntimeExpression.Output output) {
            OutputModel model = step.workflowCall().callee().output(output.name()).orElse(null);
            if (model == null) {
                return undefined();
            }
            CodeBlock code = CodeBlock.of("called.$N()", model.javaName());
            return output.pointer().isEmpty()
                    ? new Typed(code, model.type())
                    : new Typed(CodeBlock.of("$T.at($L, $S)", values, code, output.pointer()), TypeMapper.JSON_NODE);
        }
        if (expression instanceof RuntimeExpression.WorkflowValue value) {
            WorkflowModel.DependencyModel dependency = workflow.dependency(value.workflowId()).orElseThrow();
            Typed typed;
            if (value.output()) {
                OutputModel model = dependency.callee().output(value.name()).orElse(null);
                if (model == null) {
                    return undefined();
                }
                typed = new Typed(CodeBlock.of("$N.$N()", dependency.outputsName(), model.javaName()), model.type());
            } else {
                InputModel model = dependency.callee().input(value.name()).orElse(null);
                if (model == null) {
                    return undefined();
                }
                typed = new Typed(CodeBlock.of("$N(inputs).$N()", dependency.callee().fieldName() + "Inputs",
                        model.javaName()), model.type());
            }
            return value.pointer().isEmpty()
                    ? typed
                    : new Typed(CodeBlock.of("$T.at($L, $S)", values, typed.code(), value.pointer()), TypeMapper.JSON_NODE);
        }
        if (expression instanceof RuntimeExpression.SourceDescriptionField field) {
            // the url as the document writes it, as the specification defines $sourceDescriptions.<name>.url
            return new Typed(CodeBlock.of("$S", sourceUrls.get(field.name())), STRING);
        }
        throw new IllegalStateException("expression kind not checked out: " + expression);
    }

    /** A value the document reads but never defines (a warning at build time): always null. */
    private static Typed undefined() {
        return new Typed(CodeBlock.of("($T) null", TypeMapper.JSON_NODE), TypeMapper.JSON_NODE);
    }

    private CodeBlock pointer(CodeBlock node, String pointer) {
        return pointer.isEmpty() ? node : CodeBlock.of("$L.at($S)", node, pointer);
    }

    /** An expression converted to {@code target}, the type of the record component it fills. */
    CodeBlock converted(RuntimeExpression expression, TypeName target) {
        Typed typed = expression(expression);
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
        return new TypeEmitter(values.packageName()).reader(target, json);
    }

    /** A value of the document (parameter value, payload) as a Java expression. */
    CodeBlock value(ValueModel value) {
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
                    parts.add(CodeBlock.of("$S", text.text()));
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
                arguments.add(CodeBlock.of("$S, $L", member.name(), value(member.value())));
            }
            return arguments.isEmpty()
                    ? CodeBlock.of("$T.object()", values)
                    : CodeBlock.of("$T.object(\n$>$L$<)", values, CodeBlock.join(arguments, ",\n"));
        }
        if (value instanceof WorkflowModel.ArrayValue array) {
            List<CodeBlock> elements = new ArrayList<>();
            for (ValueModel element : array.elements()) {
                elements.add(value(element));
            }
            return CodeBlock.of("$T.array($L)", values, CodeBlock.join(elements, ", "));
        }
        throw new IllegalStateException("value kind not handled: " + value);
    }

    /** Whether a value is text (a string literal or a template), to be sent as it is. */
    static boolean isText(ValueModel value) {
        return value instanceof WorkflowModel.TemplateValue
                || value instanceof WorkflowModel.LiteralValue literal && literal.value().isTextual();
    }

    private CodeBlock literal(JsonNode value) {
        if (value.isTextual()) {
            return CodeBlock.of("$S", value.asText());
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
            node.fields().forEachRemaining(f -> members.add(new WorkflowModel.Member(f.getKey(), toValue(f.getValue()))));
            return new WorkflowModel.ObjectValue(members);
        }
        if (node.isArray()) {
            List<ValueModel> elements = new ArrayList<>();
            node.forEach(e -> elements.add(toValue(e)));
            return new WorkflowModel.ArrayValue(elements);
        }
        return new WorkflowModel.LiteralValue(node);
    }

    /** A simple condition as a Java boolean expression. */
    CodeBlock condition(Condition condition) {
        if (condition instanceof Condition.Or or) {
            return CodeBlock.of("($L || $L)", condition(or.left()), condition(or.right()));
        }
        if (condition instanceof Condition.And and) {
            return CodeBlock.of("($L && $L)", condition(and.left()), condition(and.right()));
        }
        if (condition instanceof Condition.Not not) {
            return CodeBlock.of("!$L", condition(not.operand()));
        }
        if (condition instanceof Condition.Truthy truthy) {
            return CodeBlock.of("$T.truthy($L)", values, operand(truthy.operand()).code());
        }
        Condition.Comparison comparison = (Condition.Comparison) condition;
        Typed left = operand(comparison.left());
        Typed right = operand(comparison.right());
        if (left.type().equals(TypeName.INT) && isIntLiteral(comparison.right())) {
            return CodeBlock.of("$L $L $L", left.code(), comparison.operator().symbol(), right.code());
        }
        if (right.type().equals(TypeName.INT) && isIntLiteral(comparison.left())) {
            return CodeBlock.of("$L $L $L", left.code(), comparison.operator().symbol(), right.code());
        }
        String method = switch (comparison.operator()) {
            case EQ -> "equal";
            case NE -> "notEqual";
            case LT -> "lessThan";
            case LE -> "lessOrEqual";
            case GT -> "greaterThan";
            case GE -> "greaterOrEqual";
        };
        return CodeBlock.of("$T.$N($L, $L)", values, method, left.code(), right.code());
    }

    private static boolean isIntLiteral(Condition.Operand operand) {
        return operand instanceof Condition.Literal literal && literal.value().isIntegralNumber()
                && literal.value().canConvertToInt();
    }

    private Typed operand(Condition.Operand operand) {
        if (operand instanceof Condition.Literal literal) {
            if (literal.value().isNull()) {
                return new Typed(CodeBlock.of("null"), OBJECT);
            }
            return new Typed(literal(literal.value()), literal.value().isIntegralNumber() ? TypeName.INT : OBJECT);
        }
        Condition.Reference reference = (Condition.Reference) operand;
        Typed typed = expression(reference.expression());
        CodeBlock code = typed.code();
        for (Condition.Accessor accessor : reference.accessors()) {
            code = accessor instanceof Condition.Property property
                    ? CodeBlock.of("$T.property($L, $S)", values, code, property.name())
                    : CodeBlock.of("$T.index($L, $L)", values, code, ((Condition.Index) accessor).index());
        }
        return new Typed(code, reference.accessors().isEmpty() ? typed.type() : TypeMapper.JSON_NODE);
    }

    /** A criterion as a Java boolean expression; regex patterns are constants named by {@code patterns}. */
    CodeBlock criterion(WorkflowModel.CriterionModel criterion, java.util.function.Function<String, String> patterns) {
        if (criterion instanceof WorkflowModel.SimpleCriterion simple) {
            return condition(simple.condition());
        }
        if (criterion instanceof WorkflowModel.RegexCriterion regex) {
            return CodeBlock.of("$T.find($N, $L)", values, patterns.apply(regex.pattern()), expression(regex.context()).code());
        }
        if (criterion instanceof WorkflowModel.XPathCriterion xpath) {
            return xpath.saxon()
                    ? CodeBlock.of("$T.test($S, $L)", ClassName.get(values.packageName(), "XPathSupport"),
                            xpath.expression(), expression(xpath.context()).code())
                    : CodeBlock.of("$T.xpath($S, $L)", values, xpath.expression(), expression(xpath.context()).code());
        }
        WorkflowModel.JsonPathCriterion path = (WorkflowModel.JsonPathCriterion) criterion;
        Typed context = expression(path.context());
        return jsonPath.compileCriterion(path.condition(), context.type().equals(TypeMapper.JSON_NODE)
                ? context.code()
                : CodeBlock.of("$T.json($L)", values, context.code()));
    }
}
